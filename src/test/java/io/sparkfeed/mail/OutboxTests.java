package io.sparkfeed.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail leaves through the outbox: after the commit of what caused it, in HTML and text, to a real SMTP server
 * (GreenMail); a refused mail is retried from the outbox and not lost; without SMTP it is logged and kept for admins.
 */
class OutboxTests extends IntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    MailDelivery delivery;

    @Autowired
    TransactionTemplate transaction;

    private static OutgoingMail reset(String to) {
        return OutgoingMail.of(
                to,
                null,
                "passwordReset",
                Locale.FRENCH,
                Map.of("name", "Ada <b>", "link", "https://sparkfeed.example/login/reset?token=abc", "arg", 30));
    }

    private String address() {
        return fixtures.uniqueHandle() + "@example.test";
    }

    @Test
    void aQueuedMailLeavesAfterCommitInHtmlAndTextInTheRecipientsLanguage() throws Exception {
        String to = address();
        transaction.executeWithoutResult(status -> outbox.queue(reset(to)));

        List<MimeMessage> mails = MailServer.await(to, 1);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Choisissez un nouveau mot de passe Sparkfeed");
        assertThat(MailServer.part(mail, "text/plain"))
                .contains("Bonjour Ada <b>,")
                .contains("https://sparkfeed.example/login/reset?token=abc")
                .contains("pendant 30 minutes");
        assertThat(MailServer.part(mail, "text/html"))
                .contains("Bonjour Ada &lt;b&gt;,") // the name is escaped in HTML
                .contains("href=\"https://sparkfeed.example/login/reset?token=abc\"");
        awaitStatus(to, "sent");
        assertThat(row(to, "attempts")).isEqualTo("1");
    }

    @Test
    void aRolledBackTransactionMailsNothing() throws Exception {
        String to = address();
        transaction.executeWithoutResult(status -> {
            outbox.queue(reset(to));
            status.setRollbackOnly();
        });
        Thread.sleep(500);
        assertThat(MailServer.to(to)).isEmpty();
        assertThat(count("select count(*) from outbox_mails where recipient = ?", to))
                .isZero();
    }

    @Test
    void aRefusedMailWaitsInTheOutboxAndLeavesAtTheNextTry() throws Exception {
        String to = address();
        MailServer.stop();
        try {
            transaction.executeWithoutResult(status -> outbox.queue(reset(to)));
            awaitStatus(to, "refused");
        } finally {
            MailServer.restart();
        }
        assertThat(row(to, "attempts")).isEqualTo("1");
        assertThat(row(to, "last_error")).isNotBlank();

        delivery.deliverDue(); // not due yet: a minute after the failure
        assertThat(MailServer.to(to)).isEmpty();

        clock.pin(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(delivery.deliverDue()).isPositive();
        assertThat(MailServer.await(to, 1)).hasSize(1);
        assertThat(row(to, "attempts")).isEqualTo("2");
        assertThat(row(to, "last_error")).isNull();
        delivery.deliverDue();
        assertThat(MailServer.to(to)).as("sent once").hasSize(1);
    }

    @Test
    void withoutSmtpAMailIsLoggedAndAdminsReadItButNotTheTextOfASentOne() throws Exception {
        String unsent = address();
        jdbc.sql("""
                        insert into outbox_mails (template, recipient, subject, text_body, html_body, created_at,
                                                  next_attempt_at)
                        values ('passwordReset', ?, 'Choose a new Sparkfeed password', 'Follow /login/reset?token=x',
                                '<p>x</p>', now(), now())""").param(unsent).update();
        var withoutSmtp = new MailDelivery(
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                jdbc,
                clock,
                "Sparkfeed <no-reply@sparkfeed.localhost>");
        assertThat(withoutSmtp.deliverDue()).isPositive();
        assertThat(MailServer.to(unsent)).isEmpty();
        assertThat(row(unsent, "logged_at")).isNotNull();

        String sent = address();
        transaction.executeWithoutResult(status -> outbox.queue(reset(sent)));
        awaitStatus(sent, "sent");

        var admin = fixtures.admin();
        Document list = page(get("/admin/outbox").with(admin.login()));
        long unsentId = Long.parseLong(row(unsent, "id"));
        assertThat(list.select("#mail-" + unsentId).text())
                .contains(unsent)
                .contains("Not sent (no SMTP server): kept here");
        long sentId = Long.parseLong(row(sent, "id"));
        assertThat(list.select("#mail-" + sentId).text()).contains(sent).contains("Sent");

        assertThat(page(get("/admin/outbox/" + unsentId).with(admin.login()))
                        .select("pre.mail-text")
                        .text())
                .isEqualTo("Follow /login/reset?token=x");
        Document sentPage = page(get("/admin/outbox/" + sentId).with(admin.login()));
        assertThat(sentPage.select("pre.mail-text")).isEmpty();
        assertThat(sentPage.text()).contains("This mail was sent: its text belongs to its recipient");

        mvc.perform(get("/admin/outbox").with(fixtures.person().login())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/outbox/" + sentId).with(fixtures.person().login()))
                .andExpect(status().isForbidden());
    }

    @Test
    void retriesWaitLongerAfterEachFailureUpToSixHours() {
        assertThat(MailDelivery.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailDelivery.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailDelivery.retryAfter(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(MailDelivery.retryAfter(10)).isEqualTo(Duration.ofHours(6));
        assertThat(MailDelivery.retryAfter(1000)).isEqualTo(Duration.ofHours(6));
    }

    private String row(String to, String column) {
        return jdbc.sql("select " + column + "::text from outbox_mails where recipient = ?")
                .param(to)
                .query((rs, n) -> rs.getString(1))
                .list()
                .get(0);
    }

    /** Waits for the delivery after commit (it runs on another thread) to record what happened. */
    private void awaitStatus(String to, String status) throws InterruptedException {
        String condition = switch (status) {
            case "sent" -> "sent_at is not null";
            case "refused" -> "attempts > 0 and sent_at is null";
            default -> throw new IllegalArgumentException(status);
        };
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (count("select count(*) from outbox_mails where recipient = ? and " + condition, to) == 1) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("mail to " + to + " not " + status + " within 10 s");
    }
}
