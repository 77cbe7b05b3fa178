package io.sparkfeed.accounts;

import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.billing.PaymentConfirmed;
import io.sparkfeed.billing.PaymentReceipt;
import io.sparkfeed.billing.PaymentRequest;
import io.sparkfeed.billing.PaymentStatus;
import io.sparkfeed.billing.PaymentVoided;
import io.sparkfeed.billing.Payments;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prime: who has it now, the free trial (once per account), paid membership (pending until its payment is
 * confirmed), and the admin's grant and end.
 */
@Service
public class Memberships {

    private final MembershipRepository memberships;
    private final AccountRepository accounts;
    private final Payments payments;
    private final AuditLog audit;
    private final PrimeProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    Memberships(
            MembershipRepository memberships,
            AccountRepository accounts,
            Payments payments,
            AuditLog audit,
            PrimeProperties properties,
            JdbcClient jdbc,
            Clock clock) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.accounts = accounts;
        this.payments = payments;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the account may use Prime now: a suspended account may not, whatever it paid for. */
    @Transactional(readOnly = true)
    public boolean isPrime(long accountId) {
        return !memberships.activeFor(accountId, clock.instant()).isEmpty() && !accounts.isSuspended(accountId);
    }

    /** The membership that covers now, the paid one when a trial overlaps it. */
    @Transactional(readOnly = true)
    public Optional<PrimeStatus> status(long accountId) {
        List<Membership> active = memberships.activeFor(accountId, clock.instant());
        return active.stream()
                .filter(m -> m.plan() == Plan.PAID)
                .findFirst()
                .or(() -> active.stream().findFirst())
                .map(m -> new PrimeStatus(m.plan(), m.startsAt(), m.endsAt()));
    }

    @Transactional(readOnly = true)
    public boolean trialUsed(long accountId) {
        return memberships.hadTrial(accountId);
    }

    /** Starts the free trial now; refused when the account already had one or is Prime already. */
    @Transactional
    public PrimeStatus startTrial(long accountId) {
        requireAccount(accountId);
        if (memberships.hadTrial(accountId)) {
            throw new UserFacingException("prime.trial.used");
        }
        Instant now = clock.instant();
        if (!memberships.activeFor(accountId, now).isEmpty()) {
            throw new UserFacingException("prime.already");
        }
        Instant ends = now.plus(Duration.ofDays(properties.trialDays()));
        try {
            memberships.saveAndFlush(new Membership(accountId, Plan.TRIAL, now, ends, now));
        } catch (DataIntegrityViolationException concurrentSecondTrial) {
            throw new UserFacingException("prime.trial.used");
        }
        return new PrimeStatus(Plan.TRIAL, now, ends);
    }

    /**
     * Joins paid Prime through the chosen payment method. A payment the gateway confirms at once (a card) starts
     * the paid period now; one still owed (an invoice) leaves it pending until the payment is confirmed
     * ({@link #on(PaymentConfirmed)}), and only one may wait at a time. The period starts when it is paid, or when
     * the current paid period ends, so a renewal never loses days; a running trial is simply overtaken.
     */
    @Transactional
    public PaidMembership joinPaid(long accountId, String paymentMethod) {
        requireAccount(accountId);
        if (pending(accountId).isPresent()) {
            throw new UserFacingException("prime.pending.exists");
        }
        PaymentReceipt receipt = payments.charge(
                paymentMethod,
                new PaymentRequest(
                        accountId,
                        properties.price(),
                        properties.currency(),
                        "Sparkfeed Prime, " + properties.paidDays() + " days"));
        Instant now = clock.instant();
        if (receipt.status() == PaymentStatus.PAID) {
            recordPurchase(accountId, receipt, "PAID", now);
            return new PaidMembership(startPaidPeriod(accountId, now), receipt);
        }
        recordPurchase(accountId, receipt, "PENDING", null);
        return new PaidMembership(null, receipt);
    }

    private void recordPurchase(long accountId, PaymentReceipt receipt, String status, Instant settledAt) {
        try {
            jdbc.sql("""
                            insert into membership_purchases (account_id, payment_method, payment_reference, status,
                                                              created_at, settled_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            accountId,
                            receipt.method(),
                            receipt.reference(),
                            status,
                            Timestamp.from(clock.instant()),
                            settledAt == null ? null : Timestamp.from(settledAt))
                    .update();
        } catch (DuplicateKeyException concurrentSecondPurchase) {
            // a second join sent at the same moment: it rolls back with its charge
            throw new UserFacingException("prime.pending.exists");
        }
    }

    private PrimeStatus startPaidPeriod(long accountId, Instant now) {
        Instant starts = memberships.currentOrFutureFor(accountId, now).stream()
                .filter(m -> m.plan() == Plan.PAID)
                .map(Membership::endsAt)
                .findFirst()
                .orElse(now);
        Instant ends = starts.plus(Duration.ofDays(properties.paidDays()));
        memberships.saveAndFlush(new Membership(accountId, Plan.PAID, starts, ends, now));
        return new PrimeStatus(Plan.PAID, starts, ends);
    }

    /** The paid period the account ordered and has not paid yet, if any. */
    @Transactional(readOnly = true)
    public Optional<PendingMembership> pending(long accountId) {
        return jdbc.sql("""
                        select payment_method, payment_reference, created_at from membership_purchases
                        where account_id = ? and status = 'PENDING'""")
                .param(accountId)
                .query((rs, n) -> new PendingMembership(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** The payment of a pending period went through (an admin marked the invoice paid, a gateway confirmed it). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PaymentConfirmed payment) {
        Instant now = clock.instant();
        jdbc.sql("""
                        update membership_purchases set status = 'PAID', settled_at = ?
                        where payment_method = ? and payment_reference = ? and status = 'PENDING'
                        returning account_id""")
                .params(Timestamp.from(now), payment.method(), payment.reference())
                .query(Long.class)
                .optional()
                .ifPresent(accountId -> startPaidPeriod(accountId, now));
    }

    /** The invoice of a pending period will never be paid: the period is called off. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PaymentVoided payment) {
        jdbc.sql("""
                        update membership_purchases set status = 'VOID', settled_at = ?
                        where payment_method = ? and payment_reference = ? and status = 'PENDING'""")
                .params(Timestamp.from(clock.instant()), payment.method(), payment.reference())
                .update();
    }

    /** An admin gives an account a paid period of {@code days} days from now, without charging it. */
    @Transactional
    public void grant(long adminId, long accountId, int days, String reason) {
        requireAccount(accountId);
        if (days < 1 || days > 3660) {
            throw new UserFacingException("admin.members.days.invalid");
        }
        Instant now = clock.instant();
        memberships.saveAndFlush(new Membership(accountId, Plan.PAID, now, now.plus(Duration.ofDays(days)), now));
        audit.record(adminId, "MEMBERSHIP_GRANTED", "ACCOUNT", accountId, reason, days + " days");
    }

    /** An admin ends every current or future period of an account now. */
    @Transactional
    public void end(long adminId, long accountId, String reason) {
        requireAccount(accountId);
        Instant now = clock.instant();
        List<Membership> current = memberships.currentOrFutureFor(accountId, now);
        if (current.isEmpty()) {
            throw new UserFacingException("admin.members.notPrime");
        }
        current.forEach(m -> m.endAt(now));
        audit.record(adminId, "MEMBERSHIP_ENDED", "ACCOUNT", accountId, reason, current.size() + " period(s)");
    }

    public PrimeProperties offer() {
        return properties;
    }

    private void requireAccount(long accountId) {
        if (accounts.findById(accountId).isEmpty()) {
            throw new NotFoundException("account " + accountId);
        }
    }
}
