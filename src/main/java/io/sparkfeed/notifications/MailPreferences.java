package io.sparkfeed.notifications;

import io.sparkfeed.notifications.NotificationKind.Delivery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person chose to be mailed, per {@link NotificationKind}: nothing, each notification at once, or the daily
 * digest. Only choices that differ from a kind's default are stored. The unsubscribe links of the mails turn
 * kinds off without a session (see {@link UnsubscribeLinks}).
 */
@Service
public class MailPreferences {

    /** The languages notification mails are written in; any other falls back to English. */
    private static final List<String> LANGUAGES = List.of("en", "fr");

    private final JdbcClient jdbc;
    private final UnsubscribeLinks links;

    MailPreferences(JdbcClient jdbc, UnsubscribeLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /** Every kind with the account's choice, or the kind's default. */
    @Transactional(readOnly = true)
    public Map<NotificationKind, Delivery> of(long accountId) {
        Map<NotificationKind, Delivery> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            choices.put(kind, kind.byDefault());
        }
        record Row(String kind, String delivery) {}
        jdbc.sql("select kind, delivery from notification_preferences where account_id = ?")
                .param(accountId)
                .query((rs, row) -> new Row(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(row -> NotificationKind.of(row.kind())
                        .ifPresent(kind -> choices.put(kind, Delivery.valueOf(row.delivery()))));
        return choices;
    }

    /**
     * Keeps the account's choices (kinds left out keep theirs) and the language its mails are written in, the one
     * of the page the choices were made on.
     */
    @Transactional
    public void save(long accountId, Map<NotificationKind, Delivery> choices, Locale locale) {
        choose(accountId, choices);
        String language = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
        jdbc.sql("""
                        insert into notification_mailing (account_id, language) values (?, ?)
                        on conflict (account_id) do update set language = excluded.language""").params(accountId, language).update();
    }

    /** The scope an unsubscribe link turns off ({@code ALL}, {@code DIGEST} or a kind), if the link is genuine. */
    public Optional<String> unsubscribeScope(String token) {
        return links.read(token).map(UnsubscribeLinks.Scope::scope);
    }

    /**
     * Follows an unsubscribe link: turns off the kind it names, the kinds of the digest, or (with {@code all}, or a
     * link that names all) every kind. Doing it twice changes nothing more. False for a link this server did not
     * sign, or an account that is gone.
     */
    @Transactional
    public boolean unsubscribe(String token, boolean all) {
        Optional<UnsubscribeLinks.Scope> link = links.read(token);
        if (link.isEmpty()
                || jdbc.sql("select count(*) from account_names where id = ?")
                                .param(link.get().accountId())
                                .query(Long.class)
                                .single()
                        == 0) {
            return false;
        }
        long accountId = link.get().accountId();
        String scope = all ? "ALL" : link.get().scope();
        Map<NotificationKind, Delivery> off = new EnumMap<>(NotificationKind.class);
        Map<NotificationKind, Delivery> current = of(accountId);
        current.forEach((kind, delivery) -> {
            if (scope.equals("ALL")
                    || (scope.equals("DIGEST") && delivery == Delivery.DIGEST)
                    || scope.equals(kind.name())) {
                off.put(kind, Delivery.OFF);
            }
        });
        choose(accountId, off);
        return true;
    }

    private void choose(long accountId, Map<NotificationKind, Delivery> choices) {
        if (choices.isEmpty()) {
            return;
        }
        List<String> kinds = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        choices.forEach((kind, delivery) -> {
            kinds.add(kind.name());
            chosen.add(delivery == kind.byDefault() ? null : delivery.name());
        });
        // a choice equal to the default is no row; the others are upserted, in two statements whatever their number
        jdbc.sql("""
                        delete from notification_preferences
                        where account_id = ? and kind = any(?)""").params(accountId, kinds.toArray(String[]::new)).update();
        jdbc.sql("""
                        insert into notification_preferences (account_id, kind, delivery)
                        select ?, c.kind, c.delivery from unnest(?::text[], ?::text[]) as c(kind, delivery)
                        where c.delivery is not null
                        on conflict (account_id, kind) do update set delivery = excluded.delivery""")
                .params(accountId, kinds.toArray(String[]::new), chosen.toArray(String[]::new))
                .update();
    }
}
