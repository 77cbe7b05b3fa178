package io.sparkfeed.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.notifications.NotificationKind.Delivery;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notification mails, against a real SMTP server (GreenMail): a notification its recipient gets at once is mailed
 * once, also when its event is delivered again; "off" mails nothing; the daily digest lists what is new, once, and
 * is not sent when nothing is; every mail carries the RFC 8058 headers, and its one-click link works without a
 * session or a CSRF token while a tampered one is refused.
 */
class NotificationMailTests extends IntegrationTest {

    @Autowired
    Notifications notifications;

    @Autowired
    MailPreferences preferences;

    @Autowired
    NotificationDigests digests;

    @Autowired
    TransactionTemplate transaction;

    private void notify(UUID event, TestAccount to, String kind, Long actor, Long post) {
        transaction.executeWithoutResult(status -> notifications.notify(event, to.id(), kind, actor, post));
    }

    private long mailsTo(TestAccount account, String template) {
        return count(
                "select count(*) from outbox_mails where recipient = ? and template = ?", account.email(), template);
    }

    private static String unsubscribeToken(MimeMessage mail) throws Exception {
        Matcher token =
                Pattern.compile("/unsubscribe\\?token=([^>\\s]+)").matcher(mail.getHeader("List-Unsubscribe")[0]);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    @Test
    void aCommentIsMailedAtOnceExactlyOnceWithTheOneClickUnsubscribeHeaders() throws Exception {
        TestAccount author = fixtures.primeMember();
        TestAccount fan = fixtures.person();
        long post = fixtures.post(author, "mailed comment " + author.handle());
        UUID event = UUID.randomUUID();
        notify(event, author, "COMMENT", fan.id(), post);
        notify(event, author, "COMMENT", fan.id(), post); // the same event delivered again

        List<MimeMessage> mails = MailServer.await(author.email(), 1);
        Thread.sleep(300);
        assertThat(MailServer.to(author.email())).hasSize(1);
        assertThat(mailsTo(author, "notification")).isEqualTo(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Something new on Sparkfeed");
        assertThat(MailServer.part(mail, "text/plain"))
                .contains("Test " + fan.handle() + " commented on your post.")
                .contains("/unsubscribe?token=" + author.id() + ".COMMENT.");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<https?://.+/unsubscribe\\?token=[^>]+>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void offMailsNothingAndNeitherDoesTheDigestOrADigestKind() throws Exception {
        TestAccount author = fixtures.primeMember();
        TestAccount fan = fixtures.person();
        long post = fixtures.post(author, "quiet " + author.handle());
        preferences.save(author.id(), Map.of(NotificationKind.COMMENT, Delivery.OFF), Locale.ENGLISH);
        notify(UUID.randomUUID(), author, "COMMENT", fan.id(), post);
        notify(UUID.randomUUID(), author, "SMILE", fan.id(), post); // a digest kind by default: no mail at once
        preferences.save(author.id(), Map.of(NotificationKind.SMILE, Delivery.OFF), Locale.ENGLISH);

        clock.pin(Instant.now().plus(Duration.ofMinutes(5)));
        digests.sendDue();
        Thread.sleep(300);
        assertThat(count("select count(*) from notifications where recipient_id = ?", author.id()))
                .isEqualTo(2);
        assertThat(MailServer.to(author.email())).isEmpty();
        assertThat(count("select count(*) from outbox_mails where recipient = ?", author.email()))
                .isZero();
    }

    @Test
    void anUnverifiedAddressOrASuspendedAccountIsNotMailed() throws Exception {
        TestAccount unverified = fixtures.person();
        TestAccount suspended = fixtures.person();
        jdbc.sql("update accounts set email_verified_at = null where id = ?")
                .param(unverified.id())
                .update();
        jdbc.sql("update accounts set suspended_at = now() where id = ?")
                .param(suspended.id())
                .update();
        notify(UUID.randomUUID(), unverified, "ORDER_EXPIRED", null, null);
        notify(UUID.randomUUID(), suspended, "ORDER_EXPIRED", null, null);

        assertThat(count(
                        "select count(*) from notifications where recipient_id in (?, ?)",
                        unverified.id(),
                        suspended.id()))
                .isEqualTo(2);
        assertThat(mailsTo(unverified, "notification") + mailsTo(suspended, "notification"))
                .isZero();
    }

    @Test
    void theOneClickPostTurnsTheKindOffWithoutSessionOrCsrfTokenAndTwiceChangesNothingMore() throws Exception {
        TestAccount buyer = fixtures.person();
        notify(UUID.randomUUID(), buyer, "ORDER_EXPIRED", null, null);
        String token = unsubscribeToken(MailServer.await(buyer.email(), 1).get(0));

        for (int i = 0; i < 2; i++) {
            MvcResult result = mvc.perform(post("/unsubscribe")
                            .queryParam("token", token)
                            .contentType("application/x-www-form-urlencoded")
                            .content("List-Unsubscribe=One-Click"))
                    .andExpect(status().isOk())
                    .andReturn();
            assertThat(result.getRequest().getSession(false)).isNull();
            assertThat(result.getResponse().getCookie("SESSION")).isNull();
            assertThat(result.getResponse().getContentAsString()).contains("you won&#39;t get these mails any more");
        }
        assertThat(preferences.of(buyer.id()))
                .containsEntry(NotificationKind.ORDER_EXPIRED, Delivery.OFF)
                .containsEntry(NotificationKind.COMMENT, Delivery.INSTANT);

        notify(UUID.randomUUID(), buyer, "ORDER_EXPIRED", null, null);
        Thread.sleep(300);
        assertThat(MailServer.to(buyer.email())).hasSize(1);
    }

    @Test
    void theLinkShowsAConfirmationWithAButtonAndCanStopEveryMail() throws Exception {
        TestAccount buyer = fixtures.person();
        notify(UUID.randomUUID(), buyer, "ORDER_EXPIRED", null, null);
        String token = unsubscribeToken(MailServer.await(buyer.email(), 1).get(0));

        Document confirm = page(get("/unsubscribe").queryParam("token", token));
        assertThat(confirm.select("main p").text()).contains("Your unpaid orders that expire");
        assertThat(confirm.select("form[action=/unsubscribe] button")).hasSize(2);
        assertThat(preferences.of(buyer.id())).containsEntry(NotificationKind.ORDER_EXPIRED, Delivery.INSTANT);

        mvc.perform(post("/unsubscribe")
                        .param("token", token)
                        .param("all", "true")
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(preferences.of(buyer.id()).values()).containsOnly(Delivery.OFF);
    }

    @Test
    void aTamperedOrForeignTokenIsRefusedAndChangesNothing() throws Exception {
        TestAccount buyer = fixtures.person();
        TestAccount other = fixtures.person();
        notify(UUID.randomUUID(), buyer, "ORDER_EXPIRED", null, null);
        String token = unsubscribeToken(MailServer.await(buyer.email(), 1).get(0));
        String mac = token.substring(token.lastIndexOf('.') + 1);
        List<String> forged = List.of(
                token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"),
                other.id() + ".ORDER_EXPIRED." + mac,
                buyer.id() + ".ALL." + mac,
                "",
                "x".repeat(500));
        for (String bad : forged) {
            mvc.perform(post("/unsubscribe").queryParam("token", bad)).andExpect(status().isBadRequest());
            mvc.perform(get("/unsubscribe").queryParam("token", bad)).andExpect(status().isBadRequest());
        }
        assertThat(preferences.of(buyer.id())).containsEntry(NotificationKind.ORDER_EXPIRED, Delivery.INSTANT);
        assertThat(preferences.of(other.id())).containsEntry(NotificationKind.ORDER_EXPIRED, Delivery.INSTANT);
        assertThat(count(
                        "select count(*) from notification_preferences where account_id in (?, ?)",
                        buyer.id(),
                        other.id()))
                .isZero();
    }

    @Test
    void theDigestListsWhatIsNewOnceBoundedAndIsNotSentWhenNothingIsNew() throws Exception {
        TestAccount author = fixtures.primeMember();
        TestAccount follower = fixtures.person();
        TestAccount quiet = fixtures.person();
        long post = fixtures.post(author, "digested " + author.handle());
        preferences.save(author.id(), Map.of(NotificationKind.PURCHASE, Delivery.DIGEST), Locale.FRENCH);
        for (int i = 0; i < 11; i++) {
            notify(UUID.randomUUID(), author, "PURCHASE", null, post);
        }
        notify(UUID.randomUUID(), author, "FOLLOW", follower.id(), null); // the newest: listed first
        notify(UUID.randomUUID(), author, "COMMENT", follower.id(), post); // at once, not in the digest
        Instant start = Instant.now();

        clock.pin(start.plus(Duration.ofMinutes(5)));
        digests.sendDue();
        digests.sendDue(); // a second run the same day sends nothing more
        List<MimeMessage> mails = MailServer.await(author.email(), 2);
        Thread.sleep(300);
        assertThat(mailsTo(author, "digest")).isEqualTo(1);
        MimeMessage digest = null;
        for (MimeMessage mail : MailServer.to(author.email())) {
            if (mail.getHeader("List-Unsubscribe")[0].contains(".DIGEST.")) {
                digest = mail;
            }
        }
        assertThat(digest).isNotNull();
        assertThat(mails).hasSize(2);
        assertThat(digest.getSubject()).isEqualTo("Votre récapitulatif Sparkfeed");
        String text = MailServer.part(digest, "text/plain");
        assertThat(text).contains("(12)").contains("et 2 de plus").doesNotContain("commenté");
        assertThat(text.lines().filter(line -> line.startsWith("- "))).hasSize(11); // 10 items and "2 more"
        assertThat(text).contains("- Test " + follower.handle() + " vous suit désormais.");
        assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mailsTo(quiet, "digest")).isZero();

        // the next day: only what is new since, and nothing at all when nothing is
        notify(UUID.randomUUID(), author, "FOLLOW", quiet.id(), null);
        clock.pin(start.plus(Duration.ofDays(1)));
        digests.sendDue();
        assertThat(mailsTo(author, "digest")).isEqualTo(2);
        String second = jdbc.sql("select text_body from outbox_mails where recipient = ? and template = 'digest' "
                        + "order by id desc limit 1")
                .param(author.email())
                .query(String.class)
                .single();
        assertThat(second).contains("(1)").contains("Test " + quiet.handle()).doesNotContain(follower.handle());
        clock.pin(start.plus(Duration.ofDays(2)));
        digests.sendDue();
        assertThat(mailsTo(author, "digest")).isEqualTo(2);
    }

    @Test
    void theSettingsPageShowsEachKindsChoiceAndSavesThem() throws Exception {
        TestAccount me = fixtures.person();
        Document page = page(get("/me/settings/notifications").with(me.login()));
        assertThat(page.select("input[name=SMILE][value=DIGEST]").attr("checked"))
                .isNotNull();
        assertThat(page.select("input[name=SMILE][value=DIGEST][checked]")).hasSize(1);
        assertThat(page.select("input[name=COMMENT][value=INSTANT][checked]")).hasSize(1);
        assertThat(page.select("fieldset")).hasSize(NotificationKind.values().length);

        mvc.perform(post("/me/settings/notifications")
                        .with(me.login())
                        .with(csrf())
                        .param("SMILE", "OFF")
                        .param("COMMENT", "DIGEST")
                        .param("FOLLOW", "DIGEST"))
                .andExpect(status().is3xxRedirection());
        assertThat(preferences.of(me.id()))
                .containsEntry(NotificationKind.SMILE, Delivery.OFF)
                .containsEntry(NotificationKind.COMMENT, Delivery.DIGEST)
                .containsEntry(NotificationKind.FOLLOW, Delivery.DIGEST);
        // a choice equal to the default is no row
        assertThat(count("select count(*) from notification_preferences where account_id = ?", me.id()))
                .isEqualTo(2);

        mvc.perform(post("/me/settings/notifications")
                        .with(me.login())
                        .with(csrf())
                        .param("SMILE", "DIGEST")
                        .param("COMMENT", "LOUD"))
                .andExpect(status().is3xxRedirection());
        assertThat(preferences.of(me.id())).containsEntry(NotificationKind.SMILE, Delivery.OFF);
        mvc.perform(post("/me/settings/notifications").with(me.login()).param("SMILE", "DIGEST"))
                .andExpect(status().isForbidden());
    }
}
