package io.sparkfeed.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where every mail starts: {@link #queue} renders it and writes it to {@code outbox_mails} in the caller's
 * transaction, so a mail goes out exactly when what it tells happened (a rolled-back sign-up mails nothing), and a
 * mail the SMTP server refused is retried from here until it goes (see {@link MailDelivery}).
 */
@Service
public class Outbox {

    /** The longest address SMTP carries (RFC 5321: 64 + 1 + 255). */
    public static final int MAX_ADDRESS = 320;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MailTemplates templates;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Outbox(MailTemplates templates, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.templates = templates;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Renders the mail and queues it; it leaves after the transaction commits. Returns its outbox id. */
    @Transactional
    public long queue(OutgoingMail mail) {
        String to = mail.to().strip();
        if (to.isEmpty()
                || to.length() > MAX_ADDRESS
                || !to.contains("@")
                || to.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("Not a mail address: " + to);
        }
        mail.headers().forEach((name, value) -> {
            if (!name.matches("[A-Za-z][A-Za-z0-9-]{0,60}") || value.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("Not a mail header: " + name);
            }
        });
        MailTemplates.Rendered rendered = templates.render(mail.template(), mail.locale(), mail.values());
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into outbox_mails (account_id, template, recipient, subject, text_body, html_body,
                                                  headers, created_at, next_attempt_at)
                        values (:account, :template, :to, :subject, :text, :html, cast(:headers as jsonb), :now, :now)
                        returning id""")
                .param("account", mail.accountId())
                .param("template", mail.template())
                .param("to", to)
                .param("subject", rendered.subject())
                .param("text", rendered.text())
                .param("html", rendered.html())
                .param("headers", json(mail.headers()))
                .param("now", now)
                .query(Long.class)
                .single();
        events.publishEvent(new MailQueued(id));
        return id;
    }

    /** The outbox for admins, newest first, keyset-paged by id. */
    @Transactional(readOnly = true)
    public List<OutboxEntry> list(Long before, int size) {
        return jdbc.sql("""
                        select id, created_at, recipient, template, subject, sent_at, logged_at, attempts,
                               last_error, next_attempt_at, null as text_body
                        from outbox_mails
                        where (cast(:before as bigint) is null or id < :before)
                        order by id desc
                        limit :size""")
                .param("before", before)
                .param("size", size)
                .query(Outbox::entry)
                .list();
    }

    /** One mail of the outbox, with its text when it never left. */
    @Transactional(readOnly = true)
    public Optional<OutboxEntry> get(long id) {
        return jdbc.sql("""
                        select id, created_at, recipient, template, subject, sent_at, logged_at, attempts,
                               last_error, next_attempt_at, case when sent_at is null then text_body end as text_body
                        from outbox_mails
                        where id = :id""").param("id", id).query(Outbox::entry).optional();
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        OutboxEntry.Status status = rs.getTimestamp("sent_at") != null
                ? OutboxEntry.Status.SENT
                : rs.getTimestamp("logged_at") != null ? OutboxEntry.Status.LOGGED : OutboxEntry.Status.PENDING;
        return new OutboxEntry(
                rs.getLong("id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("recipient"),
                rs.getString("template"),
                rs.getString("subject"),
                status,
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("text_body"));
    }

    private static String json(Map<String, String> headers) {
        return JSON.writeValueAsString(headers);
    }

    /**
     * Forgets every mail to an account that is being deleted, sent or waiting (nothing more is to be mailed to it),
     * in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(long accountId) {
        jdbc.sql("delete from outbox_mails where account_id = ?")
                .param(accountId)
                .update();
    }
}
