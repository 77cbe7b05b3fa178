package io.sparkfeed.notifications;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.MailRecipient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: each person whose notifications of their digest kinds are new since their last digest gets one
 * mail listing the newest {@link #MAX_ITEMS} of them ("and N more"); a person with nothing new gets nothing. Accounts
 * are walked by id in batches of {@link #BATCH}, each batch in a few set-based statements (the new notifications of
 * the whole batch through the per-recipient index, then the batch's addresses) and its own transaction, which
 * writes the mails and moves each person's mark ({@code notification_mailing.digest_up_to}, the newest
 * notification told) together: a batch that fails sends nothing and is taken again by the next run. A person
 * digested in the last {@link #MIN_GAP} is skipped, so a second run on the same day sends nothing twice.
 */
@Component
class NotificationDigests {

    static final int MAX_ITEMS = 10;
    static final int BATCH = 500;
    static final Duration MIN_GAP = Duration.ofHours(20);

    /** A first digest looks back a day, not at the whole history. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

    /**
     * Notifications younger than this wait for the next digest: one written by a transaction that commits after
     * this run read the batch could otherwise have a smaller id than the mark and be skipped.
     */
    static final Duration SETTLE = Duration.ofMinutes(1);

    private record Item(
            long recipientId,
            String language,
            long id,
            String kind,
            String actorName,
            String reason,
            long total,
            long newest) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final NotificationMailer mailer;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NotificationDigests(
            JdbcClient jdbc,
            Accounts accounts,
            NotificationMailer mailer,
            MessageSource messages,
            TransactionTemplate transaction,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Sends every digest that is due; returns how many. */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        long after = 0;
        while (true) {
            List<Long> batch = jdbc.sql("select id from account_names where id > ? order by id limit ?")
                    .params(after, BATCH)
                    .query(Long.class)
                    .list();
            if (batch.isEmpty()) {
                return sent;
            }
            Integer mailed = transaction.execute(status -> digest(batch, now));
            sent += mailed == null ? 0 : mailed;
            after = batch.get(batch.size() - 1);
        }
    }

    private int digest(List<Long> batch, Instant now) {
        NotificationKind[] kinds = NotificationKind.values();
        List<Item> items = jdbc.sql("""
                        with kinds (kind, delivery) as (
                            select * from unnest(cast(:kinds as text[]), cast(:defaults as text[]))
                        ), due as (
                            select b.id, coalesce(m.digest_up_to, 0) as up_to,
                                   coalesce(m.digest_sent_at, cast(:firstSince as timestamptz)) as since,
                                   coalesce(m.language, 'en') as language
                            from unnest(cast(:ids as bigint[])) as b(id)
                            left join notification_mailing m on m.account_id = b.id
                            where m.digest_sent_at is null or m.digest_sent_at <= :notAfter
                        ), new as (
                            select d.id as recipient_id, d.language, n.id, n.kind, n.actor_id, n.reason,
                                   row_number() over (partition by d.id order by n.created_at desc, n.id desc) as rank,
                                   count(*) over (partition by d.id) as total,
                                   max(n.id) over (partition by d.id) as newest
                            from due d
                            join notifications n on n.recipient_id = d.id and n.created_at > d.since
                                                and n.created_at <= :settled and n.id > d.up_to
                            join kinds k on k.kind = n.kind
                            left join notification_preferences p on p.account_id = d.id and p.kind = n.kind
                            where coalesce(p.delivery, k.delivery) = 'DIGEST'
                        )
                        select n.recipient_id, n.language, n.id, n.kind, a.display_name, n.reason, n.total, n.newest
                        from new n left join account_names a on a.id = n.actor_id and n.kind <> 'PURCHASE'
                        where n.rank <= :max
                        order by n.recipient_id, n.rank""")
                .param("kinds", Arrays.stream(kinds).map(Enum::name).toArray(String[]::new))
                .param(
                        "defaults",
                        Arrays.stream(kinds)
                                .map(kind -> kind.byDefault().name())
                                .toArray(String[]::new))
                .param("ids", batch.toArray(Long[]::new))
                .param("firstSince", Timestamp.from(now.minus(FIRST_LOOK_BACK)))
                .param("notAfter", Timestamp.from(now.minus(MIN_GAP)))
                .param("settled", Timestamp.from(now.minus(SETTLE)))
                .param("max", MAX_ITEMS)
                .query((rs, row) -> new Item(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getLong(8)))
                .list();
        if (items.isEmpty()) {
            return 0;
        }
        Map<Long, List<Item>> byRecipient = new LinkedHashMap<>();
        items.forEach(item -> byRecipient
                .computeIfAbsent(item.recipientId(), id -> new ArrayList<>())
                .add(item));
        Map<Long, MailRecipient> recipients = accounts.mailRecipients(byRecipient.keySet());
        List<Long> mailed = new ArrayList<>();
        List<Long> marks = new ArrayList<>();
        byRecipient.forEach((id, theirs) -> {
            MailRecipient recipient = recipients.get(id);
            if (recipient == null) {
                return; // unverified or suspended: their digest waits
            }
            Item first = theirs.get(0);
            Locale locale = NotificationMailer.locale(first.language());
            List<String> lines = new ArrayList<>();
            for (Item item : theirs) {
                NotificationKind.of(item.kind())
                        .ifPresent(kind -> lines.add(mailer.line(locale, kind, item.actorName(), item.reason())));
            }
            if (first.total() > theirs.size()) {
                lines.add(
                        messages.getMessage("mail.digest.more", new Object[] {first.total() - theirs.size()}, locale));
            }
            mailer.send(recipient, "digest", locale, "DIGEST", Map.of("arg", first.total(), "lines", lines));
            mailed.add(id);
            marks.add(first.newest());
        });
        // the mark is the settled instant the digest read up to: what was younger is looked at next time
        jdbc.sql("""
                        insert into notification_mailing (account_id, digest_up_to, digest_sent_at)
                        select m.id, m.up_to, ? from unnest(?::bigint[], ?::bigint[]) as m(id, up_to)
                        on conflict (account_id) do update
                        set digest_up_to = excluded.digest_up_to, digest_sent_at = excluded.digest_sent_at""")
                .params(Timestamp.from(now.minus(SETTLE)), mailed.toArray(Long[]::new), marks.toArray(Long[]::new))
                .update();
        return mailed.size();
    }
}
