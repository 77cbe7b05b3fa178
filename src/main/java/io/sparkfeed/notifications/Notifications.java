package io.sparkfeed.notifications;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.collections.ProductWatchers;
import io.sparkfeed.mail.Outbox;
import io.sparkfeed.mail.OutgoingMail;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes, lists and marks notifications. */
@Service
public class Notifications {

    /** How long a smile or follow by the same person is not notified again. */
    static final Duration REPEAT_WINDOW = Duration.ofDays(1);

    private static final Set<String> ONCE_A_DAY = Set.of("SMILE", "FOLLOW");

    /** A product bought this recently never alerts its buyer. */
    static final Duration PURCHASE_MEMORY = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationMailer mailer;
    private final ProductWatchers watchers;
    private final Outbox outbox;
    private final Accounts accounts;

    Notifications(
            JdbcClient jdbc,
            Clock clock,
            NotificationMailer mailer,
            ProductWatchers watchers,
            Outbox outbox,
            Accounts accounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mailer = mailer;
        this.watchers = watchers;
        this.outbox = outbox;
        this.accounts = accounts;
    }

    /**
     * Tells everyone who saved the product and wants to hear of this change (see {@link ProductWatchers}): a price
     * drop of {@code drop} percent, or a restock when {@code drop} is negative. One statement writes every
     * notification, keyed on the event and the recipient, so a second delivery of the event writes nothing and
     * mails nobody again; those who asked for mail get one each ({@code siteUrl} makes its link absolute).
     */
    @Transactional
    public int tellWatchers(UUID eventId, String kind, long productId, int drop, String productTitle, String siteUrl) {
        List<Map.Entry<Long, String>> toMail = jdbc.sql("""
                        with w as materialized (%s),
                        told as (
                            insert into notifications (event_id, recipient_id, kind, product_id, created_at)
                            select :event, w.account_id, :kind, :product, :now from w
                            on conflict (event_id, recipient_id, coalesce(post_id, 0)) where event_id is not null
                            do nothing
                            returning recipient_id)
                        select w.account_id, w.language, w.email from w join told on told.recipient_id = w.account_id""".formatted(watchers.sql()))
                .param("event", eventId)
                .param("kind", kind)
                .param("product", productId)
                .param("drop", drop)
                .param("since", Timestamp.from(clock.instant().minus(PURCHASE_MEMORY)))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> rs.getBoolean(3) ? Map.entry(rs.getLong(1), rs.getString(2)) : null)
                .list();
        int told = toMail.size();
        for (Map.Entry<Long, String> recipient : toMail) {
            if (recipient == null) {
                continue;
            }
            var account = accounts.get(recipient.getKey());
            outbox.queue(OutgoingMail.of(
                    accounts.email(recipient.getKey()),
                    recipient.getKey(),
                    kind.equals(PRICE_DROP) ? "priceDrop" : "backInStock",
                    Locale.forLanguageTag(recipient.getValue()),
                    Map.of(
                            "name",
                            account.displayName(),
                            "link",
                            siteUrl + "/products/" + productId,
                            "arg",
                            productTitle)));
        }
        return told;
    }

    public static final String PRICE_DROP = "PRICE_DROP";
    public static final String BACK_IN_STOCK = "BACK_IN_STOCK";

    @Transactional
    public void notify(UUID eventId, long recipientId, String kind, Long actorId, Long postId) {
        notify(eventId, recipientId, kind, actorId, postId, null);
    }

    /**
     * With the reason of a moderation decision: only the recipient ever sees their notifications. A smile or a
     * follow that the same person already notified within {@link #REPEAT_WINDOW} (an unsmile and smile again, an
     * unfollow and follow again) is not notified again.
     *
     * <p>{@code eventId} is the identity of the event that caused it: an event delivered again (Spring Modulith
     * resubmits a publication whose completion was not recorded, see {@code platform/EventRedelivery}) writes
     * nothing more. An event that tells about several posts (an order from two posts) gives one notification per
     * post, so the key is the event and the post. A notification its recipient gets mailed at once is written to
     * the outbox in the same transaction, so it too is mailed exactly once.
     */
    @Transactional
    public void notify(UUID eventId, long recipientId, String kind, Long actorId, Long postId, String reason) {
        if (actorId != null && actorId == recipientId) {
            return; // nobody is told about their own smile
        }
        boolean once = actorId != null && ONCE_A_DAY.contains(kind);
        if (once) {
            // the same actor's repeats are written one at a time, so two quick ones cannot both pass the check
            jdbc.sql("select pg_advisory_xact_lock(43, cast(? as integer))")
                    .param(Objects.hash(recipientId, actorId, kind))
                    .query()
                    .listOfRows();
        }
        // the listener runs after the event's transaction: the post may have been deleted meanwhile (a comment and
        // then the post, in quick succession). Nothing to tell about a post that is gone; failing here instead
        // would leave the event publication incomplete and fail again on every restart.
        jdbc.sql("""
                        insert into notifications (event_id, recipient_id, kind, actor_id, post_id, reason, created_at)
                        select :event, :recipient, :kind, :actor, :post, :reason, :now
                        where (cast(:post as bigint) is null or exists (select 1 from post_facts where id = :post))
                          and not (:once and exists (
                              select 1 from notifications n
                              where n.recipient_id = :recipient and n.actor_id = :actor and n.kind = :kind
                                and n.post_id is not distinct from cast(:post as bigint) and n.created_at > :since))
                        on conflict (event_id, recipient_id, coalesce(post_id, 0)) where event_id is not null
                        do nothing
                        returning id""")
                .param("event", eventId)
                .param("recipient", recipientId)
                .param("kind", kind)
                .param("actor", actorId, Types.BIGINT)
                .param("post", postId, Types.BIGINT)
                .param("reason", reason, Types.VARCHAR)
                .param("now", Timestamp.from(clock.instant()))
                .param("once", once)
                .param("since", Timestamp.from(clock.instant().minus(REPEAT_WINDOW)))
                .query(Long.class)
                .optional()
                .ifPresent(written -> mailer.written(recipientId, kind, actorId, reason));
    }

    /**
     * About a question on a product ({@code QUESTION_ASKED} to the product's posters, {@code QUESTION_ANSWERED} to its
     * asker, {@code QUESTION_HIDDEN} and {@code ANSWER_HIDDEN} with the moderators' reason to the author): linked to
     * the question, and mailed at once when its recipient chose so. Keyed on the event and the recipient like every
     * notification, so that one event that tells several people writes each once, however often it is delivered.
     */
    @Transactional
    public void notifyAboutQuestion(
            UUID eventId, long recipientId, String kind, Long actorId, long questionId, String reason) {
        if (actorId != null && actorId == recipientId) {
            return;
        }
        jdbc.sql("""
                        insert into notifications (event_id, recipient_id, kind, actor_id, question_id, reason,
                                                   created_at)
                        values (:event, :recipient, :kind, :actor, :question, :reason, :now)
                        on conflict (event_id, recipient_id, coalesce(post_id, 0)) where event_id is not null
                        do nothing
                        returning id""")
                .param("event", eventId)
                .param("recipient", recipientId)
                .param("kind", kind)
                .param("actor", actorId, Types.BIGINT)
                .param("question", questionId)
                .param("reason", reason, Types.VARCHAR)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .ifPresent(written -> mailer.written(recipientId, kind, actorId, reason));
    }

    /** The newest notifications of an account. Reading them marks nothing: that is {@link #markRead}. */
    @Transactional(readOnly = true)
    public List<NotificationView> latest(long recipientId, int limit) {
        return jdbc.sql("""
                        select n.id, n.kind, a.handle, a.display_name, n.post_id, n.created_at, n.read_at is null,
                               n.reason, n.product_id, n.question_id
                        from notifications n left join account_names a on a.id = n.actor_id and n.kind <> 'PURCHASE'
                        where n.recipient_id = ?
                        order by n.created_at desc, n.id desc limit ?""")
                .params(recipientId, limit)
                .query((rs, i) -> new NotificationView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Long) rs.getObject(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7),
                        rs.getString(8),
                        (Long) rs.getObject(9),
                        (Long) rs.getObject(10)))
                .list();
    }

    /**
     * Marks the account's notifications read, up to the newest one its page showed: one that arrived after the
     * page was opened stays unread.
     */
    @Transactional
    public void markRead(long recipientId, long upToId) {
        jdbc.sql("update notifications set read_at = ? where recipient_id = ? and read_at is null and id <= ?")
                .params(Timestamp.from(clock.instant()), recipientId, upToId)
                .update();
    }

    @Transactional(readOnly = true)
    public long unread(long recipientId) {
        return jdbc.sql("select count(*) from notifications where recipient_id = ? and read_at is null")
                .param(recipientId)
                .query(Long.class)
                .single();
    }
}
