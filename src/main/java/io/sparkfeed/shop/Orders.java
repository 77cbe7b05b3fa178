package io.sparkfeed.shop;

import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.billing.PaymentConfirmed;
import io.sparkfeed.billing.PaymentVoided;
import io.sparkfeed.billing.Payments;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.OwnerBadges;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders API: places them (through {@link OrderPlacement}), lists them, and moves them through their lives
 * (cancelled by the buyer, paid or voided through billing, shipped and delivered by an admin).
 */
@Service
public class Orders {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Payments payments;
    private final AuditLog audit;
    private final Clock clock;
    private final OrderPlacement placement;
    private final OwnerBadges ownerBadges;

    Orders(
            JdbcClient jdbc,
            Catalog catalog,
            Payments payments,
            AuditLog audit,
            Clock clock,
            OrderPlacement placement,
            OwnerBadges ownerBadges) {
        this.ownerBadges = ownerBadges;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
        this.placement = placement;
    }

    /** Buys the given products now ("Buy now" places one line). Returns the order id, the first one on a replay. */
    public long place(long accountId, List<Purchase> items, Checkout checkout) {
        return placement.place(accountId, items, checkout);
    }

    /** Places one order for the whole cart and empties it. Returns the order id, the first one on a replay. */
    public long placeCart(long accountId, Checkout checkout) {
        return placement.placeCart(accountId, checkout);
    }

    /** The account's orders, newest first. */
    @Transactional(readOnly = true)
    public List<OrderSummary> list(long accountId) {
        return jdbc.sql("""
                        select o.id, o.status, o.total, o.currency, o.created_at,
                               (select coalesce(sum(l.quantity), 0) from order_lines l where l.order_id = o.id) as items
                        from orders o where o.account_id = ? order by o.created_at desc, o.id desc""").param(accountId).query(Orders::summary).list();
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
                .query((rs, n) ->
                        new OrderDetails.Line(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4), (Long)
                                rs.getObject(5, Long.class)))
                .list();
        return jdbc.sql("select * from orders where id = ?")
                .param(orderId)
                .query((rs, n) -> details(rs, lines))
                .optional();
    }

    private static OrderDetails details(ResultSet rs, List<OrderDetails.Line> lines) throws SQLException {
        return new OrderDetails(
                rs.getLong("id"),
                rs.getLong("account_id"),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("total"),
                rs.getString("currency"),
                new ShippingAddress(
                        rs.getString("ship_name"),
                        rs.getString("ship_line1"),
                        rs.getString("ship_line2"),
                        rs.getString("ship_city"),
                        rs.getString("ship_postcode"),
                        rs.getString("ship_country")),
                rs.getString("payment_method"),
                rs.getString("payment_reference"),
                rs.getTimestamp("created_at").toInstant(),
                lines,
                rs.getTimestamp("paid_at") != null);
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
                        where id = ? and account_id = ? and status = 'PLACED'""").params(now(), orderId, accountId).update();
        if (changed == 0) {
            throw new UserFacingException("shop.order.notCancellable");
        }
        Map<Long, Integer> returned = new TreeMap<>();
        for (OrderDetails.Line line : order.lines()) {
            returned.merge(line.productId(), line.quantity(), Integer::sum);
        }
        returned.forEach(catalog::giveBackStock);
        // a paid order cancelled: its products may no longer be "Bought here" on the buyer's posts
        ownerBadges.purchasesChanged(accountId, returned.keySet());
    }

    /** The payment of an unpaid order went through: it now counts as paid (minimum spend, no expiry). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PaymentConfirmed payment) {
        jdbc.sql("""
                        update orders set paid_at = ?, updated_at = ?
                        where payment_method = ? and payment_reference = ? and paid_at is null
                          and status not in ('CANCELLED', 'EXPIRED')
                        returning account_id, array(select product_id from order_lines where order_id = orders.id)""")
                .params(now(), now(), payment.method(), payment.reference())
                .query((rs, n) ->
                        Map.entry(rs.getLong(1), List.of((Long[]) rs.getArray(2).getArray())))
                .list()
                .forEach(paid -> ownerBadges.purchasesChanged(paid.getKey(), paid.getValue()));
    }

    /** An admin voided the invoice of an unpaid order: the order is cancelled and its stock goes back. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PaymentVoided payment) {
        jdbc.sql("""
                        select id from orders where payment_method = ? and payment_reference = ?
                          and status = 'PLACED' and paid_at is null""")
                .params(payment.method(), payment.reference())
                .query(Long.class)
                .optional()
                .ifPresent(orderId -> giveUp(orderId, OrderStatus.CANCELLED));
    }

    /**
     * Ends a placed, unpaid order (its payment is already void) and gives its stock back, exactly once: the status
     * changes only from PLACED and unpaid, and only the transaction that changed it returns the stock.
     */
    boolean giveUp(long orderId, OrderStatus to) {
        int changed = jdbc.sql("""
                        update orders set status = ?, updated_at = ?
                        where id = ? and status = 'PLACED' and paid_at is null""").params(to.name(), now(), orderId).update();
        if (changed == 0) {
            return false;
        }
        Map<Long, Integer> returned = new TreeMap<>();
        jdbc.sql("select product_id, quantity from order_lines where order_id = ?")
                .param(orderId)
                .query((rs, n) -> returned.merge(rs.getLong(1), rs.getInt(2), Integer::sum))
                .list();
        returned.forEach(catalog::giveBackStock);
        return true;
    }

    /** An admin moves an order on: PLACED to SHIPPED, SHIPPED to DELIVERED. Audited. */
    @Transactional
    public void advance(long adminId, long orderId, OrderStatus to) {
        OrderStatus from = to == OrderStatus.SHIPPED
                ? OrderStatus.PLACED
                : to == OrderStatus.DELIVERED ? OrderStatus.SHIPPED : null;
        if (from == null) {
            throw new IllegalArgumentException("cannot move an order to " + to);
        }
        if (load(orderId).isEmpty()) {
            throw new NotFoundException("order " + orderId);
        }
        int changed = jdbc.sql("update orders set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), now(), orderId, from.name())
                .update();
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
                        where account_id = ? and paid_at is not null and status not in ('CANCELLED', 'EXPIRED')""").param(accountId).query(BigDecimal.class).single();
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
                        from orders o order by o.created_at desc, o.id desc limit ?""").param(limit).query(Orders::summary).list();
    }

    /** A row of {@link #list} or {@link #recent}: an order with its number of items. */
    private static OrderSummary summary(ResultSet rs, int n) throws SQLException {
        return new OrderSummary(
                rs.getLong("id"),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("total"),
                rs.getString("currency"),
                rs.getInt("items"),
                rs.getTimestamp("created_at").toInstant());
    }
}
