package io.sparkfeed.notifications;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.MailRecipient;
import io.sparkfeed.mail.Outbox;
import io.sparkfeed.mail.OutgoingMail;
import io.sparkfeed.notifications.NotificationKind.Delivery;
import io.sparkfeed.platform.PublicUrl;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notification mails: one at once for a notification whose kind its recipient gets instantly, written to the outbox
 * in the transaction that writes the notification (a notification delivered again writes no row, so no second
 * mail), and the lines, links and headers the daily digest shares. Only an address that is verified and an account
 * that is not suspended are mailed. Every mail carries a one-click unsubscribe link in its text and its
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers (RFC 8058).
 */
@Component
class NotificationMailer {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Outbox outbox;
    private final MessageSource messages;
    private final UnsubscribeLinks links;
    private final PublicUrl publicUrl;

    NotificationMailer(
            JdbcClient jdbc,
            Accounts accounts,
            Outbox outbox,
            MessageSource messages,
            UnsubscribeLinks links,
            PublicUrl publicUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        this.publicUrl = publicUrl;
    }

    /** A notification was just written: mails it at once when its recipient gets this kind instantly. */
    void written(long recipientId, String kindName, Long actorId, String reason) {
        Optional<NotificationKind> kind = NotificationKind.of(kindName);
        if (kind.isEmpty()) {
            return;
        }
        record Choice(String delivery, String language, String actorName) {}
        Choice choice = jdbc.sql("""
                        select (select delivery from notification_preferences where account_id = :id and kind = :kind),
                               (select language from notification_mailing where account_id = :id),
                               (select display_name from account_names where id = :actor and :kind <> 'PURCHASE')""")
                .param("id", recipientId)
                .param("kind", kindName)
                .param("actor", actorId, Types.BIGINT)
                .query((rs, row) -> new Choice(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        Delivery delivery = choice.delivery() == null ? kind.get().byDefault() : Delivery.valueOf(choice.delivery());
        if (delivery != Delivery.INSTANT) {
            return;
        }
        MailRecipient recipient = accounts.mailRecipients(List.of(recipientId)).get(recipientId);
        if (recipient == null) {
            return;
        }
        Locale locale = locale(choice.language());
        String line = line(locale, kind.get(), choice.actorName(), reason);
        send(recipient, "notification", locale, kind.get().name(), Map.of("arg", line));
    }

    /** What a notification says, as one line of plain text (escaped where the mail is HTML). */
    String line(Locale locale, NotificationKind kind, String actorName, String reason) {
        String said = messages.getMessage(kind.lineKey(), null, locale);
        String line = actorName == null ? said : actorName + " " + said;
        return reason == null
                ? line
                : line + " " + messages.getMessage("notifications.reason", new Object[] {reason}, locale);
    }

    /**
     * Queues a notification mail (the {@code notification} or the {@code digest} template) to the recipient, with
     * a link to their notifications and the unsubscribe link for {@code scope} in its text and headers.
     */
    void send(MailRecipient recipient, String template, Locale locale, String scope, Map<String, Object> values) {
        String base = publicUrl.base();
        String unsubscribe = base + "/unsubscribe?token=" + links.token(recipient.id(), scope);
        Map<String, Object> all = new HashMap<>(values);
        all.put("name", recipient.displayName());
        all.put("link", base + "/notifications");
        all.put("unsubscribe", unsubscribe);
        all.put("settings", base + "/me/settings/notifications");
        outbox.queue(new OutgoingMail(
                recipient.email(),
                recipient.id(),
                template,
                locale,
                all,
                Map.of(
                        "List-Unsubscribe",
                        "<" + unsubscribe + ">",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click")));
    }

    static Locale locale(String language) {
        return "fr".equals(language) ? Locale.FRENCH : Locale.ENGLISH;
    }
}
