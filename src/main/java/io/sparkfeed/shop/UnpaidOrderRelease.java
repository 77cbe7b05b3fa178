package io.sparkfeed.shop;

import io.sparkfeed.billing.Payments;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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

    private record Candidate(long id, long buyerId, String method, String reference) {}

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
        Timestamp cutoff = Timestamp.from(clock.instant().minus(settings.unpaidOrderTtl()));
        int released = 0;
        int failed = 0;
        long after = 0;
        while (true) {
            List<Candidate> batch = jdbc.sql("""
                            select id, account_id, payment_method, payment_reference from orders
                            where status = 'PLACED' and paid_at is null and created_at < ? and id > ?
                            order by id limit ?""")
                    .params(cutoff, after, BATCH)
                    .query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
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
            after = batch.get(batch.size() - 1).id();
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
