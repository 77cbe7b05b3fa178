package io.sparkfeed.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes mails out of the outbox and hands them to the SMTP server: each one at once after the transaction that
 * queued it commits, and every due one again from the scheduled retry ({@link MailRetrying}). A mail is first
 * claimed for two minutes by one statement, so two instances (or the retry and the first try) never send it twice;
 * a refused mail waits longer after each failure (a minute, doubling, at most six hours) and is never dropped.
 * With no SMTP server configured ({@code spring.mail.host} unset) a mail is written to the log once, and stays
 * readable at {@code /admin/outbox}.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LAST_RETRY = Duration.ofHours(6);
    private static final int BATCH = 50;

    private record Claimed(
            long id, String recipient, String subject, String text, String html, String headers, int attempts) {}

    private final ObjectProvider<JavaMailSender> sender;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String from;

    MailDelivery(
            ObjectProvider<JavaMailSender> sender,
            JdbcClient jdbc,
            Clock clock,
            @Value("${sparkfeed.mail.from:Sparkfeed <no-reply@sparkfeed.localhost>}") String from) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.clock = clock;
        this.from = from;
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onQueued(MailQueued queued) {
        claim(queued.id()).forEach(this::deliver);
    }

    /** Sends (or logs) every mail that is due, a batch at a time; returns how many were handled. */
    int deliverDue() {
        int handled = 0;
        List<Claimed> batch;
        do {
            batch = claim(null);
            batch.forEach(this::deliver);
            handled += batch.size();
        } while (batch.size() == BATCH);
        return handled;
    }

    /** Claims one mail (by id) or a batch of due ones, in one statement that skips what another claimed. */
    private List<Claimed> claim(Long id) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        update outbox_mails set claimed_until = :until
                        where id in (select id from outbox_mails
                                     where sent_at is null and logged_at is null
                                       and (cast(:id as bigint) is null and next_attempt_at <= :now or id = :id)
                                       and (claimed_until is null or claimed_until < :now)
                                     order by next_attempt_at, id
                                     limit :batch
                                     for update skip locked)
                        returning id, recipient, subject, text_body, html_body, headers::text, attempts""")
                .param("until", Timestamp.from(now.plus(CLAIM)))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("batch", BATCH)
                .query((rs, n) -> new Claimed(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7)))
                .list();
    }

    private void deliver(Claimed mail) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.info(
                    "Mail #{} to {} not sent (no SMTP server: set spring.mail.host); read it at /admin/outbox.\n"
                            + "Subject: {}\n{}",
                    mail.id(),
                    mail.recipient(),
                    mail.subject(),
                    mail.text());
            jdbc.sql("update outbox_mails set logged_at = :now, claimed_until = null where id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", mail.id())
                    .update();
            return;
        }
        try {
            smtp.send(message(smtp, mail));
            jdbc.sql("""
                            update outbox_mails set sent_at = :now, attempts = attempts + 1, claimed_until = null,
                                                    last_error = null
                            where id = :id""")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", mail.id())
                    .update();
        } catch (MailException | MessagingException e) {
            Duration wait = retryAfter(mail.attempts() + 1);
            log.warn(
                    "Mail #{} to {} refused (try {}), retrying in {}: {}",
                    mail.id(),
                    mail.recipient(),
                    mail.attempts() + 1,
                    wait,
                    e.getMessage());
            String error = String.valueOf(e.getMessage());
            jdbc.sql("""
                            update outbox_mails set attempts = attempts + 1, claimed_until = null,
                                                    last_error = :error, next_attempt_at = :next
                            where id = :id""")
                    .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                    .param("next", Timestamp.from(clock.instant().plus(wait)))
                    .param("id", mail.id())
                    .update();
        }
    }

    private MimeMessage message(JavaMailSender smtp, Claimed mail) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        Map<String, String> headers = JSON.readValue(mail.headers(), new TypeReference<Map<String, String>>() {});
        for (Map.Entry<String, String> header : headers.entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        return message;
    }

    /** A minute after the first failure, doubling, at most six hours. */
    static Duration retryAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }

    /** Forgets mails that left (or were logged) more than {@code days} ago: their links have long expired. */
    int forgetDelivered(int days) {
        return jdbc.sql("""
                        delete from outbox_mails
                        where (sent_at < :before or logged_at < :before)""")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(days))))
                .update();
    }
}
