package io.sparkfeed.notifications;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationMailer mailer;

    Notifications(JdbcClient jdbc, Clock clock, NotificationMailer mailer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mailer = mailer;
    }

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
                        on conflict (event_id, coalesce(post_id, 0)) where event_id is not null do nothing
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

    /** The newest notifications of an account. Reading them marks nothing: that is {@link #markRead}. */
    @Transactional(readOnly = true)
    public List<NotificationView> latest(long recipientId, int limit) {
        return jdbc.sql("""
                        select n.id, n.kind, a.handle, a.display_name, n.post_id, n.created_at, n.read_at is null,
                               n.reason
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
                        rs.getString(8)))
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
