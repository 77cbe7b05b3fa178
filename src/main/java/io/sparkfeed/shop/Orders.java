package io.sparkfeed.shop;

import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.billing.PaymentConfirmed;
import io.sparkfeed.billing.PaymentReceipt;
import io.sparkfeed.billing.PaymentRequest;
import io.sparkfeed.billing.PaymentStatus;
import io.sparkfeed.billing.PaymentVoided;
import io.sparkfeed.billing.Payments;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places, lists and cancels orders. An order is one transaction: the idempotency key is claimed first, then the
 * stock of every product is taken with one conditional update each (in product id order, as cancelling gives it
 * back, so concurrent orders never lock in opposite orders), the prices are copied from the catalog and the payment
 * is charged; a sold-out line or a declined payment rolls it all back.
 */
@Service
public class Orders {

    static final int MAX_QUANTITY = 99;

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Payments payments;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ShopProperties settings;

    Orders(JdbcClient jdbc, Catalog catalog, Payments payments, AuditLog audit, Clock clock,
            PlatformTransactionManager transactionManager, org.springframework.context.ApplicationEventPublisher events,
            ShopProperties settings) {
        this.events = events;
        this.settings = settings;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The key was claimed by a concurrent submit that committed first: roll back and return its order. */
    private static final class AlreadyPlaced extends RuntimeException {
        AlreadyPlaced() {
            super(null, null, false, false);
        }
    }

    /** Buys the given products now ("Buy now" places one line). Returns the order id, the first one on a replay. */
    public long place(long accountId, List<Purchase> items, Checkout checkout) {
        requireActive(accountId);
        check(checkout);
        if (items.isEmpty()) {
            throw new UserFacingException("shop.cart.empty");
        }
        return placeOnce(accountId, checkout, () -> items, false);
    }

    /** Places one order for the whole cart and empties it. Returns the order id, the first one on a replay. */
    public long placeCart(long accountId, Checkout checkout) {
        requireActive(accountId);
        check(checkout);
        return placeOnce(accountId, checkout, () -> cartItems(accountId), true);
    }

    /**
     * Runs the order's transaction. Stock is locked in product id order, so orders should not deadlock; should
     * PostgreSQL still give up on a lock, the whole transaction (nothing of it was kept) runs once more, but only
     * when the payment was not charged yet: a gateway outside the database may not roll back with it. A second
     * failure is a clear "try again" for the buyer rather than an error page.
     */
    private long placeOnce(long accountId, Checkout checkout, java.util.function.Supplier<List<Purchase>> items,
            boolean fromCart) {
        for (int attempt = 1; ; attempt++) {
            AtomicBoolean charging = new AtomicBoolean();
            try {
                Long id = transactions.execute(status -> placeNow(accountId, checkout, items, fromCart, charging));
                return id;
            } catch (AlreadyPlaced replay) {
                return findByKey(accountId, checkout.idempotencyKey()).orElseThrow();
            } catch (PessimisticLockingFailureException lockFailure) {
                if (attempt > 1 || charging.get()) {
                    log.warn("Order of account {} not placed: {}", accountId, lockFailure.getMessage());
                    throw new UserFacingException("shop.order.busy");
                }
                log.info("Order of account {} retried after a lock failure: {}", accountId, lockFailure.getMessage());
            }
        }
    }

    private Long placeNow(long accountId, Checkout checkout, java.util.function.Supplier<List<Purchase>> source,
            boolean fromCart, AtomicBoolean charging) {
        Optional<Long> existing = findByKey(accountId, checkout.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Purchase> items = source.get();
        if (items.isEmpty()) {
            throw new UserFacingException("shop.cart.empty");
        }
        for (Purchase item : items) {
            if (item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
                throw new UserFacingException("shop.quantity.invalid");
            }
        }
        Map<Long, ProductCard> products = catalog.cards(items.stream().map(Purchase::productId).toList());
        String currency = null;
        BigDecimal total = BigDecimal.ZERO;
        for (Purchase item : items) {
            ProductCard product = products.get(item.productId());
            if (product == null || !product.active()) {
                throw new SoldOutException(item.productId());
            }
            if (currency != null && !currency.equals(product.currency())) {
                throw new UserFacingException("shop.currencies.mixed");
            }
            currency = product.currency();
            total = total.add(product.price().multiply(BigDecimal.valueOf(item.quantity())));
        }
        if (checkout.quote() != null && !checkout.quote().equals(Quote.of(items.stream()
                .map(i -> new Quote.Line(i.productId(), i.quantity(), products.get(i.productId()).price(),
                        products.get(i.productId()).currency())).toList()))) {
            throw new PriceChangedException();
        }
        requireFewUnpaid(accountId);
        saveAddress(accountId, checkout.address());
        ShippingAddress a = checkout.address();
        // claims the key: a concurrent submit with the same key waits here and then finds the row taken
        Optional<Long> claimed = jdbc.sql("""
                        insert into orders (account_id, status, total, currency, ship_name, ship_line1, ship_line2,
                                            ship_city, ship_postcode, ship_country, payment_method, idempotency_key,
                                            created_at, updated_at)
                        values (?, 'PLACED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (account_id, idempotency_key) do nothing
                        returning id""")
                .params(accountId, total, currency, a.name(), a.line1(), a.line2(), a.city(), a.postcode(),
                        a.country(), checkout.paymentMethod(), checkout.idempotencyKey(), now(), now())
                .query(Long.class).optional();
        if (claimed.isEmpty()) {
            throw new AlreadyPlaced();
        }
        long orderId = claimed.get();
        // each product's stock in ascending id order, whatever the order of the lines: two carts holding the same
        // products in opposite orders then queue for the first one instead of each locking what the other needs
        Map<Long, Integer> wanted = new TreeMap<>();
        for (Purchase item : items) {
            wanted.merge(item.productId(), item.quantity(), Integer::sum);
        }
        wanted.forEach((productId, quantity) -> {
            if (!catalog.takeStock(productId, quantity)) {
                throw new SoldOutException(productId);
            }
        });
        Set<String> tagged = taggedPairs(items);
        java.util.Set<Long> credited = new java.util.LinkedHashSet<>();
        int position = 0;
        for (Purchase item : items) {
            ProductCard product = products.get(item.productId());
            Long postId = item.postId() != null && tagged.contains(item.postId() + ":" + item.productId())
                    ? item.postId() : null;
            if (postId != null) {
                credited.add(postId);
            }
            jdbc.sql("""
                            insert into order_lines (order_id, position, product_id, title, price, quantity, post_id)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(orderId, position++, item.productId(), product.title(), product.price(), item.quantity(),
                            postId)
                    .update();
        }
        charging.set(true);
        PaymentReceipt receipt = payments.charge(checkout.paymentMethod(),
                new PaymentRequest(accountId, total, currency, "Sparkfeed order " + orderId));
        jdbc.sql("update orders set payment_reference = ?, paid_at = ? where id = ?")
                .params(receipt.reference(), receipt.status() == PaymentStatus.PAID ? now() : null, orderId).update();
        if (fromCart) {
            jdbc.sql("delete from cart_lines where account_id = ?").param(accountId).update();
        }
        events.publishEvent(new OrderPlaced(orderId, accountId, List.copyOf(credited)));
        return orderId;
    }

    /** A suspended account buys nothing, even through a request that started before its session ended. */
    private void requireActive(long accountId) {
        boolean suspended = jdbc.sql("select suspended_at is not null from account_names where id = ?")
                .param(accountId)
                .query(Boolean.class).optional().orElse(true);
        if (suspended) {
            throw new org.springframework.security.access.AccessDeniedException("suspended");
        }
    }

    /**
     * An account holds at most {@code sparkfeed.shop.max-unpaid-orders} placed and unpaid orders. Orders of one
     * account queue here (a lock for the rest of the transaction), so parallel submits cannot all pass the count.
     */
    private void requireFewUnpaid(long accountId) {
        jdbc.sql("select pg_advisory_xact_lock(43, cast(? as integer))").param((int) accountId).query().listOfRows();
        long unpaid = jdbc.sql("""
                        select count(*) from orders where account_id = ? and status = 'PLACED' and paid_at is null""")
                .param(accountId).query(Long.class).single();
        if (unpaid >= settings.maxUnpaidOrders()) {
            throw new UserFacingException("shop.order.tooManyUnpaid");
        }
    }

    private void check(Checkout checkout) {
        String key = checkout.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 64) {
            throw new UserFacingException("shop.checkout.expired");
        }
        if (!payments.supports(checkout.paymentMethod())) {
            throw new UserFacingException("payment.unknownMethod");
        }
        if (checkout.address() == null) {
            throw new UserFacingException("shop.address.required");
        }
        if (checkout.quote() != null && checkout.quote().length() > Quote.LENGTH) {
            throw new PriceChangedException();
        }
    }

    /**
     * Which (post, product) pairs of the purchase are real hotspots of a post still shown: only those are credited
     * to the post (a made-up {@code ?from=}, or a post hidden since the line went into the cart, credits nobody).
     */
    private Set<String> taggedPairs(List<Purchase> items) {
        Long[] posts = items.stream().map(Purchase::postId).filter(java.util.Objects::nonNull).distinct()
                .toArray(Long[]::new);
        if (posts.length == 0) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select c.post_id || ':' || c.product_id from post_credits c where c.post_id = any(?)""")
                .param(posts).query(String.class).list());
    }

    /** Whether a line of this product may be credited to this post (the rule is the posts module's view). */
    static boolean credits(JdbcClient jdbc, long postId, long productId) {
        return jdbc.sql("select exists (select 1 from post_credits where post_id = ? and product_id = ?)")
                .params(postId, productId).query(Boolean.class).single();
    }

    private List<Purchase> cartItems(long accountId) {
        return jdbc.sql("select product_id, quantity, post_id from cart_lines where account_id = ? order by id")
                .param(accountId)
                .query((rs, n) -> new Purchase(rs.getLong(1), rs.getInt(2), (Long) rs.getObject(3, Long.class)))
                .list();
    }

    private Optional<Long> findByKey(long accountId, String key) {
        return jdbc.sql("select id from orders where account_id = ? and idempotency_key = ?").params(accountId, key)
                .query(Long.class).optional();
    }

    /** The account's saved shipping address, if it has one. */
    @Transactional(readOnly = true)
    public Optional<ShippingAddress> address(long accountId) {
        return jdbc.sql("select name, line1, line2, city, postcode, country from shipping_addresses where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new ShippingAddress(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    @Transactional
    public void saveAddress(long accountId, ShippingAddress a) {
        jdbc.sql("""
                        insert into shipping_addresses (account_id, name, line1, line2, city, postcode, country, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (account_id) do update set name = excluded.name, line1 = excluded.line1,
                            line2 = excluded.line2, city = excluded.city, postcode = excluded.postcode,
                            country = excluded.country, updated_at = excluded.updated_at""")
                .params(accountId, a.name(), a.line1(),
                        a.line2() == null ? "" : a.line2(), a.city(), a.postcode(), a.country(), now())
                .update();
    }

    /** The account's orders, newest first. */
    @Transactional(readOnly = true)
    public List<OrderSummary> list(long accountId) {
        return jdbc.sql("""
                        select o.id, o.status, o.total, o.currency, o.created_at,
                               (select coalesce(sum(l.quantity), 0) from order_lines l where l.order_id = o.id) as items
                        from orders o where o.account_id = ? order by o.created_at desc, o.id desc""")
                .param(accountId)
                .query((rs, n) -> new OrderSummary(rs.getLong("id"), OrderStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("total"), rs.getString("currency"), rs.getInt("items"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** One of the account's orders; another account's order does not exist for it. */
    @Transactional(readOnly = true)
    public OrderDetails get(long accountId, long orderId) {
        OrderDetails order = load(orderId).orElseThrow(() -> new NotFoundException("order " + orderId));
        if (order.accountId() != accountId) {
            throw new NotFoundException("order " + orderId);
        }
        return order;
    }

    private Optional<OrderDetails> load(long orderId) {
        List<OrderDetails.Line> lines = jdbc.sql("""
                        select product_id, title, price, quantity, post_id from order_lines
                        where order_id = ? order by position""")
                .param(orderId)
                .query((rs, n) -> new OrderDetails.Line(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getInt(4), (Long) rs.getObject(5, Long.class)))
                .list();
        return jdbc.sql("select * from orders where id = ?").param(orderId)
                .query((rs, n) -> details(rs, lines)).optional();
    }

    private static OrderDetails details(ResultSet rs, List<OrderDetails.Line> lines) throws SQLException {
        return new OrderDetails(rs.getLong("id"), rs.getLong("account_id"), OrderStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("total"), rs.getString("currency"),
                new ShippingAddress(rs.getString("ship_name"), rs.getString("ship_line1"), rs.getString("ship_line2"),
                        rs.getString("ship_city"), rs.getString("ship_postcode"), rs.getString("ship_country")),
                rs.getString("payment_method"), rs.getString("payment_reference"),
                rs.getTimestamp("created_at").toInstant(), lines, rs.getTimestamp("paid_at") != null);
    }

    /** The buyer cancels an order that has not shipped yet; its stock goes back and its payment is cancelled. */
    @Transactional
    public void cancel(long accountId, long orderId) {
        OrderDetails order = get(accountId, orderId);
        // the payment first, as an admin settling its invoice does (invoice, then order): the two never deadlock;
        // an order that turns out not to be cancellable rolls the payment's cancellation back with it
        payments.cancel(order.paymentMethod(), order.paymentReference());
        int changed = jdbc.sql("""
                        update orders set status = 'CANCELLED', updated_at = ?
                        where id = ? and account_id = ? and status = 'PLACED'""")
                .params(now(), orderId, accountId).update();
        if (changed == 0) {
            throw new UserFacingException("shop.order.notCancellable");
        }
        Map<Long, Integer> returned = new TreeMap<>();
        for (OrderDetails.Line line : order.lines()) {
            returned.merge(line.productId(), line.quantity(), Integer::sum);
        }
        returned.forEach(catalog::giveBackStock);
    }

    /** The payment of an unpaid order went through: it now counts as paid (minimum spend, no expiry). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PaymentConfirmed payment) {
        jdbc.sql("""
                        update orders set paid_at = ?, updated_at = ?
                        where payment_method = ? and payment_reference = ? and paid_at is null
                          and status not in ('CANCELLED', 'EXPIRED')""")
                .params(now(), now(), payment.method(), payment.reference()).update();
    }

    /** An admin voided the invoice of an unpaid order: the order is cancelled and its stock goes back. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PaymentVoided payment) {
        jdbc.sql("""
                        select id from orders where payment_method = ? and payment_reference = ?
                          and status = 'PLACED' and paid_at is null""")
                .params(payment.method(), payment.reference()).query(Long.class).optional()
                .ifPresent(orderId -> giveUp(orderId, OrderStatus.CANCELLED));
    }

    /**
     * Ends a placed, unpaid order (its payment is already void) and gives its stock back, exactly once: the status
     * changes only from PLACED and unpaid, and only the transaction that changed it returns the stock.
     */
    boolean giveUp(long orderId, OrderStatus to) {
        int changed = jdbc.sql("""
                        update orders set status = ?, updated_at = ?
                        where id = ? and status = 'PLACED' and paid_at is null""")
                .params(to.name(), now(), orderId).update();
        if (changed == 0) {
            return false;
        }
        Map<Long, Integer> returned = new TreeMap<>();
        jdbc.sql("select product_id, quantity from order_lines where order_id = ?").param(orderId)
                .query((rs, n) -> returned.merge(rs.getLong(1), rs.getInt(2), Integer::sum)).list();
        returned.forEach(catalog::giveBackStock);
        return true;
    }

    /** An admin moves an order on: PLACED to SHIPPED, SHIPPED to DELIVERED. Audited. */
    @Transactional
    public void advance(long adminId, long orderId, OrderStatus to) {
        OrderStatus from = to == OrderStatus.SHIPPED ? OrderStatus.PLACED
                : to == OrderStatus.DELIVERED ? OrderStatus.SHIPPED : null;
        if (from == null) {
            throw new IllegalArgumentException("cannot move an order to " + to);
        }
        if (load(orderId).isEmpty()) {
            throw new NotFoundException("order " + orderId);
        }
        int changed = jdbc.sql("update orders set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), now(), orderId, from.name()).update();
        if (changed == 0) {
            throw new UserFacingException("shop.order.notAdvanced");
        }
        audit.record(adminId, "ORDER_" + to.name(), "ORDER", orderId, null, from.name() + " -> " + to.name());
    }

    /** Lifetime spend of an account: the totals of its paid orders that were not cancelled. */
    @Transactional(readOnly = true)
    public BigDecimal lifetimeSpend(long accountId) {
        return jdbc.sql("""
                        select coalesce(sum(total), 0) from orders
                        where account_id = ? and paid_at is not null and status not in ('CANCELLED', 'EXPIRED')""")
                .param(accountId).query(BigDecimal.class).single();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** The most recent orders of every account, for the admin's list (newest first). */
    @Transactional(readOnly = true)
    public List<OrderSummary> recent(int limit) {
        return jdbc.sql("""
                        select o.id, o.status, o.total, o.currency, o.created_at,
                               (select coalesce(sum(l.quantity), 0) from order_lines l where l.order_id = o.id) as items
                        from orders o order by o.created_at desc, o.id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new OrderSummary(rs.getLong("id"), OrderStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("total"), rs.getString("currency"), rs.getInt("items"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
