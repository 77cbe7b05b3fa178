package io.sparkfeed.billing;

import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoices "pay by invoice" records, and the admin's settling of them: marked paid when the money arrived
 * (what the invoice bought is then granted) or void when it never will (what it bought is called off). Only an
 * owed invoice changes, once; each change is audited and published as {@link PaymentConfirmed} or
 * {@link PaymentVoided} in the same transaction.
 */
@Service
public class Invoices {

    public static final int REASON_MAX = 1000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Invoices(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Newest first, all or one status; {@code before} is a keyset cursor (an id). */
    @Transactional(readOnly = true)
    public List<InvoiceView> list(PaymentStatus status, Long before, int size) {
        // two statements rather than "(:status = '' or status = :status)": a generic plan of that one cannot start
        // from invoices_status_idx, so a filtered page would walk every invoice newer than its cursor
        var query = jdbc.sql("""
                select i.id, i.reference, i.account_id, a.handle, i.description, i.amount, i.currency,
                       i.status, i.created_at, i.settled_at
                from invoices i join account_names a on a.id = i.account_id
                where i.id < :before %s
                order by i.id desc
                limit :size""".formatted(status == null ? "" : "and i.status = :status"));
        if (status != null) {
            query = query.param("status", status.name());
        }
        return query.param("before", before == null ? Long.MAX_VALUE : before)
                .param("size", size)
                .query((rs, n) -> view(rs))
                .list();
    }

    private static InvoiceView view(ResultSet rs) throws SQLException {
        Timestamp settled = rs.getTimestamp("settled_at");
        return new InvoiceView(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getLong("account_id"),
                rs.getString("handle"),
                rs.getString("description"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                settled == null ? null : settled.toInstant());
    }

    /** The id of the invoice with this reference, if "pay by invoice" recorded one. */
    @Transactional(readOnly = true)
    public Optional<Long> find(String reference) {
        return jdbc.sql("select id from invoices where reference = ?")
                .param(reference)
                .query(Long.class)
                .optional();
    }

    /** The money arrived: the invoice is paid and what it bought is granted. {@code note} is optional. */
    @Transactional
    public void markPaid(long adminId, long invoiceId, String note) {
        Settled invoice = settle(invoiceId, PaymentStatus.PAID, bounded(note));
        audit.record(adminId, "INVOICE_PAID", "INVOICE", invoiceId, bounded(note), invoice.summary());
        events.publishEvent(new PaymentConfirmed(invoice.method(), invoice.reference(), invoice.accountId()));
    }

    /** Nobody will pay: the invoice is void and what it bought is called off. A reason is required. */
    @Transactional
    public void markVoid(long adminId, long invoiceId, String reason) {
        String why = bounded(reason);
        if (why == null) {
            throw new UserFacingException("admin.reason.required");
        }
        Settled invoice = settle(invoiceId, PaymentStatus.VOID, why);
        audit.record(adminId, "INVOICE_VOIDED", "INVOICE", invoiceId, why, invoice.summary());
        events.publishEvent(new PaymentVoided(invoice.method(), invoice.reference(), invoice.accountId()));
    }

    private record Settled(String method, String reference, long accountId, String amount) {
        String summary() {
            return reference + " " + amount;
        }
    }

    private Settled settle(long invoiceId, PaymentStatus to, String note) {
        Optional<Settled> changed = jdbc.sql("""
                        update invoices set status = ?, settled_at = ? where id = ? and status = 'OWED'
                        returning method, reference, account_id, amount || ' ' || currency""")
                .params(to.name(), Timestamp.from(clock.instant()), invoiceId)
                .query((rs, n) -> new Settled(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .optional();
        if (changed.isPresent()) {
            return changed.get();
        }
        boolean exists = jdbc.sql("select exists (select 1 from invoices where id = ?)")
                .param(invoiceId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new NotFoundException("invoice " + invoiceId);
        }
        throw new UserFacingException("admin.invoices.notOwed");
    }

    private static String bounded(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > REASON_MAX) {
            throw new UserFacingException("admin.reason.tooLong");
        }
        return stripped;
    }
}
