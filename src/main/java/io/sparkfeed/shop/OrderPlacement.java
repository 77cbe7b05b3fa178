package io.sparkfeed.shop;

import io.sparkfeed.billing.PaymentReceipt;
import io.sparkfeed.billing.PaymentRequest;
import io.sparkfeed.billing.PaymentStatus;
import io.sparkfeed.billing.Payments;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.OwnerBadges;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders. An order is one transaction: the idempotency key is claimed first, then the stock of every product
 * is taken with one conditional update each (in product id order, as cancelling gives it back, so concurrent orders
 * never lock in opposite orders), the prices are copied from the catalog and the payment is charged; a sold-out
 * line or a declined payment rolls it all back.
 */
@Service
class OrderPlacement {

    static final int MAX_QUANTITY = 99;

    private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Payments payments;
    private final ShippingAddresses addresses;
    private final PostCredits credits;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ShopProperties settings;
    private final OwnerBadges ownerBadges;

    OrderPlacement(
            JdbcClient jdbc,
            Catalog catalog,
            Payments payments,
            ShippingAddresses addresses,
            PostCredits credits,
            Clock clock,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            ShopProperties settings,
            OwnerBadges ownerBadges) {
        this.ownerBadges = ownerBadges;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.payments = payments;
        this.addresses = addresses;
        this.credits = credits;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.settings = settings;
    }

    /** The key was claimed by a concurrent submit that committed first: roll back and return its order. */
    private static final class AlreadyPlaced extends RuntimeException {
        AlreadyPlaced() {
            super(null, null, false, false);
        }
    }

    /** Buys the given products now ("Buy now" places one line). Returns the order id, the first one on a replay. */
    long place(long accountId, List<Purchase> items, Checkout checkout) {
        requireActive(accountId);
        check(checkout);
        if (items.isEmpty()) {
            throw new UserFacingException("shop.cart.empty");
        }
        return placeOnce(accountId, checkout, () -> items, false);
    }

    /** Places one order for the whole cart and empties it. Returns the order id, the first one on a replay. */
    long placeCart(long accountId, Checkout checkout) {
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
    private long placeOnce(long accountId, Checkout checkout, Supplier<List<Purchase>> items, boolean fromCart) {
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

    private Long placeNow(
            long accountId,
            Checkout checkout,
            Supplier<List<Purchase>> source,
            boolean fromCart,
            AtomicBoolean charging) {
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
        Map<Long, ProductCard> products =
                catalog.cards(items.stream().map(Purchase::productId).toList());
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
        if (checkout.quote() != null
                && !checkout.quote()
                        .equals(Quote.of(items.stream()
                                .map(i -> new Quote.Line(
                                        i.productId(),
                                        i.quantity(),
                                        products.get(i.productId()).price(),
                                        products.get(i.productId()).currency()))
                                .toList()))) {
            throw new PriceChangedException();
        }
        requireFewUnpaid(accountId);
        addresses.save(accountId, checkout.address());
        ShippingAddress a = checkout.address();
        // claims the key: a concurrent submit with the same key waits here and then finds the row taken
        Optional<Long> claimed = jdbc.sql("""
                        insert into orders (account_id, status, total, currency, ship_name, ship_line1, ship_line2,
                                            ship_city, ship_postcode, ship_country, payment_method, idempotency_key,
                                            created_at, updated_at)
                        values (?, 'PLACED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (account_id, idempotency_key) do nothing
                        returning id""")
                .params(
                        accountId,
                        total,
                        currency,
                        a.name(),
                        a.line1(),
                        a.line2(),
                        a.city(),
                        a.postcode(),
                        a.country(),
                        checkout.paymentMethod(),
                        checkout.idempotencyKey(),
                        now(),
                        now())
                .query(Long.class)
                .optional();
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
        Set<PostCredits.Pair> creditable = credits.among(
                items.stream().map(Purchase::postId).filter(Objects::nonNull).toList());
        Set<Long> credited = new LinkedHashSet<>();
        int position = 0;
        for (Purchase item : items) {
            ProductCard product = products.get(item.productId());
            boolean creditsPost =
                    item.postId() != null && creditable.contains(new PostCredits.Pair(item.postId(), item.productId()));
            Long postId = creditsPost ? item.postId() : null;
            if (postId != null) {
                credited.add(postId);
            }
            jdbc.sql("""
                            insert into order_lines (order_id, position, product_id, title, price, quantity, post_id)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            orderId,
                            position++,
                            item.productId(),
                            product.title(),
                            product.price(),
                            item.quantity(),
                            postId)
                    .update();
        }
        charging.set(true);
        PaymentReceipt receipt = payments.charge(
                checkout.paymentMethod(), new PaymentRequest(accountId, total, currency, "Sparkfeed order " + orderId));
        jdbc.sql("update orders set payment_reference = ?, paid_at = ? where id = ?")
                .params(receipt.reference(), receipt.status() == PaymentStatus.PAID ? now() : null, orderId)
                .update();
        if (receipt.status() == PaymentStatus.PAID) {
            ownerBadges.purchasesChanged(accountId, wanted.keySet());
        }
        if (fromCart) {
            jdbc.sql("delete from cart_lines where account_id = ?")
                    .param(accountId)
                    .update();
        }
        events.publishEvent(new OrderPlaced(UUID.randomUUID(), orderId, accountId, List.copyOf(credited)));
        return orderId;
    }

    /** A suspended account buys nothing, even through a request that started before its session ended. */
    private void requireActive(long accountId) {
        boolean suspended = jdbc.sql("select suspended_at is not null from account_names where id = ?")
                .param(accountId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
        if (suspended) {
            throw new AccessDeniedException("suspended");
        }
    }

    /**
     * An account holds at most {@code sparkfeed.shop.max-unpaid-orders} placed and unpaid orders. Orders of one
     * account queue here (a lock for the rest of the transaction), so parallel submits cannot all pass the count.
     */
    private void requireFewUnpaid(long accountId) {
        jdbc.sql("select pg_advisory_xact_lock(43, cast(? as integer))")
                .param((int) accountId)
                .query()
                .listOfRows();
        long unpaid = jdbc.sql("""
                        select count(*) from orders where account_id = ? and status = 'PLACED' and paid_at is null""").param(accountId).query(Long.class).single();
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

    private List<Purchase> cartItems(long accountId) {
        return jdbc.sql("select product_id, quantity, post_id from cart_lines where account_id = ? order by id")
                .param(accountId)
                .query((rs, n) -> new Purchase(rs.getLong(1), rs.getInt(2), (Long) rs.getObject(3, Long.class)))
                .list();
    }

    private Optional<Long> findByKey(long accountId, String key) {
        return jdbc.sql("select id from orders where account_id = ? and idempotency_key = ?")
                .params(accountId, key)
                .query(Long.class)
                .optional();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
