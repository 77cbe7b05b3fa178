package io.sparkfeed.shop;

import io.sparkfeed.billing.Payments;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives back the stock of orders left unpaid for {@code sparkfeed.shop.unpaid-order-ttl}: each such order expires,
 * its invoice is voided and its buyer notified. Safe to run on several instances at once and again after a crash:
 * an order expires only from placed-and-unpaid, in its own transaction, and only the transaction that changed it
 * returns its stock and publishes {@link OrderExpired}. One order that cannot be released does not hold back the
 * others.
 */
@Service
public class UnpaidOrderRelease {

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrderRelease.class);

    /** How many candidates one statement reads; the tests place more than this to cross a batch boundary. */
    static final int BATCH = 100;

    /** Where a run stands in {@code orders_unpaid_idx}: the last candidate it read. */
    record Position(Instant createdAt, long id) {}

    /** One batch's statement and its named parameters (the plan test runs it as a run does). */
    record Statement(String sql, Map<String, Object> params) {}

    private record Candidate(long id, Instant createdAt, long buyerId, String method, String reference) {}

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Payments payments;
    private final ApplicationEventPublisher events;
    private final ShopProperties settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    UnpaidOrderRelease(
            JdbcClient jdbc,
            Orders orders,
            Payments payments,
            ApplicationEventPublisher events,
            ShopProperties settings,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.payments = payments;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Expires every order unpaid for longer than the limit; returns how many this call expired. An order whose
     * release fails (its payment could not be cancelled, say) is logged and left as it was, for the next run; the
     * others are released all the same.
     */
    public int releaseExpired() {
        Instant cutoff = clock.instant().minus(settings.unpaidOrderTtl());
        int released = 0;
        int failed = 0;
        Position after = null;
        while (true) {
            Statement next = candidates(cutoff, after);
            List<Candidate> batch = jdbc.sql(next.sql())
                    .params(next.params())
                    .query((rs, n) -> new Candidate(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5)))
                    .list();
            for (Candidate order : batch) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(status -> release(order)))) {
                        released++;
                    }
                } catch (RuntimeException e) {
                    // rolled back: the order stays placed and unpaid with its stock held, for the next run; the
                    // keyset moves past it, so the orders behind it are released now. Only the exception's class
                    // is logged: a gateway's message may quote the buyer
                    failed++;
                    log.warn(
                            "Releasing unpaid order {} failed: {}",
                            order.id(),
                            e.getClass().getName());
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
            Candidate last = batch.get(batch.size() - 1);
            after = new Position(last.createdAt(), last.id());
        }
        if (released > 0) {
            log.info("Released the stock of {} order(s) unpaid for {}", released, settings.unpaidOrderTtl());
        }
        if (failed > 0) {
            log.warn("{} unpaid order(s) could not be released; they are tried again at the next run", failed);
        }
        return released;
    }

    /**
     * The next batch of orders placed before the cutoff and still unpaid, after {@code after} (null: from the
     * oldest), in the order of {@code orders_unpaid_idx}: a batch reads its own index entries and sorts nothing,
     * however long the backlog. An order's place in that order never changes, so a run meets each order once.
     */
    static Statement candidates(Instant cutoff, Position after) {
        Map<String, Object> params = new HashMap<>();
        params.put("cutoff", Timestamp.from(cutoff));
        params.put("limit", BATCH);
        String resumed = "";
        if (after != null) {
            resumed = " and (created_at, id) > (:afterTime, :afterId)";
            params.put("afterTime", Timestamp.from(after.createdAt()));
            params.put("afterId", after.id());
        }
        String sql = """
                select id, created_at, account_id, payment_method, payment_reference from orders
                where status = 'PLACED' and paid_at is null and created_at < :cutoff%s
                order by created_at, id limit :limit""".formatted(resumed);
        return new Statement(sql, params);
    }

    /**
     * The order first: when its payment was confirmed meanwhile, or another instance released it, nothing changes
     * and the payment is left alone (a gateway's cancellation may be a refund outside the database).
     */
    private boolean release(Candidate order) {
        if (!orders.giveUp(order.id(), OrderStatus.EXPIRED)) {
            return false;
        }
        payments.cancel(order.method(), order.reference());
        events.publishEvent(new OrderExpired(UUID.randomUUID(), order.id(), order.buyerId()));
        return true;
    }
}
