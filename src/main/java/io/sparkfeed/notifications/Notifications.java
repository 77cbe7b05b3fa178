package io.sparkfeed.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes, lists and marks notifications. */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void notify(long recipientId, String kind, Long actorId, Long postId) {
        notify(recipientId, kind, actorId, postId, null);
    }

    /** With the reason of a moderation decision: only the recipient ever sees their notifications. */
    @Transactional
    public void notify(long recipientId, String kind, Long actorId, Long postId, String reason) {
        if (actorId != null && actorId == recipientId) {
            return; // nobody is told about their own smile
        }
        // the listener runs after the event's transaction: the post may have been deleted meanwhile (a comment and
        // then the post, in quick succession). Nothing to tell about a post that is gone; failing here instead
        // would leave the event publication incomplete and fail again on every restart.
        jdbc.sql("""
                        insert into notifications (recipient_id, kind, actor_id, post_id, reason, created_at)
                        select :recipient, :kind, :actor, :post, :reason, :now
                        where cast(:post as bigint) is null or exists (select 1 from posts where id = :post)""")
                .param("recipient", recipientId).param("kind", kind).param("actor", actorId, java.sql.Types.BIGINT)
                .param("post", postId, java.sql.Types.BIGINT).param("reason", reason, java.sql.Types.VARCHAR)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** The newest notifications of an account; then all of them are marked read. */
    @Transactional
    public List<NotificationView> readLatest(long recipientId, int limit) {
        List<NotificationView> list = jdbc.sql("""
                        select n.id, n.kind, a.handle, a.display_name, n.post_id, n.created_at, n.read_at is null,
                               n.reason
                        from notifications n left join accounts a on a.id = n.actor_id and n.kind <> 'PURCHASE'
                        where n.recipient_id = ?
                        order by n.created_at desc, n.id desc limit ?""")
                .params(recipientId, limit)
                .query((rs, i) -> new NotificationView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5), rs.getTimestamp(6).toInstant(), rs.getBoolean(7),
                        rs.getString(8)))
                .list();
        jdbc.sql("update notifications set read_at = ? where recipient_id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), recipientId).update();
        return list;
    }

    @Transactional(readOnly = true)
    public long unread(long recipientId) {
        return jdbc.sql("select count(*) from notifications where recipient_id = ? and read_at is null")
                .param(recipientId).query(Long.class).single();
    }
}
