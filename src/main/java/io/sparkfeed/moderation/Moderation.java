package io.sparkfeed.moderation;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.Posts;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to content and accounts: takedowns, suspensions and the report queue. Each action is audited
 * with its reason in the same transaction.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class Moderation {

    private final Posts posts;
    private final Accounts accounts;
    private final Subjects subjects;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Moderation(Posts posts, Accounts accounts, Subjects subjects, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.subjects = subjects;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void hidePost(long adminId, long postId, String reason) {
        long author = posts.hide(postId, reason);
        audit.record(adminId, "POST_HIDDEN", "POST", postId, reason, "author " + author);
    }

    @Transactional
    public void restorePost(long adminId, long postId, String reason) {
        long author = posts.restore(postId);
        audit.record(adminId, "POST_RESTORED", "POST", postId, reason, "author " + author);
    }

    @Transactional
    public void hideComment(long adminId, long commentId, String reason) {
        long author = posts.hideComment(commentId, reason);
        audit.record(adminId, "COMMENT_HIDDEN", "COMMENT", commentId, reason, "author " + author);
    }

    @Transactional
    public void restoreComment(long adminId, long commentId, String reason) {
        long author = posts.restoreComment(commentId);
        audit.record(adminId, "COMMENT_RESTORED", "COMMENT", commentId, reason, "author " + author);
    }

    /** Suspends an account: it can no longer log in, its sessions end, and it cannot act (see the README). */
    @Transactional
    public void suspend(long adminId, long accountId, String reason) {
        if (adminId == accountId) {
            throw new UserFacingException("admin.moderation.suspendSelf");
        }
        if (!accounts.suspend(accountId, reason)) {
            throw new UserFacingException("admin.moderation.alreadySuspended");
        }
        audit.record(adminId, "ACCOUNT_SUSPENDED", "ACCOUNT", accountId, reason, null);
    }

    @Transactional
    public void reinstate(long adminId, long accountId, String reason) {
        if (!accounts.reinstate(accountId)) {
            throw new UserFacingException("admin.moderation.notSuspended");
        }
        audit.record(adminId, "ACCOUNT_REINSTATED", "ACCOUNT", accountId, reason, null);
    }

    /** Reported items with open reports, the longest waiting first, each with its number of reporters. */
    @Transactional(readOnly = true)
    public List<QueueItem> queue(int size) {
        return jdbc.sql("""
                        select r.target_type, r.target_id, count(*) as reporters, min(r.created_at) as first_at,
                               array_agg(distinct r.reason) as reasons,
                               array_remove(array_agg(r.details order by r.created_at, r.id), null) as details,
                               coalesce(p.hidden_at, c.hidden_at) is not null as content_hidden,
                               au.suspended_at is not null as author_suspended
                        from reports r
                        left join posts p on r.target_type = 'POST' and p.id = r.target_id
                        left join comments c on r.target_type = 'COMMENT' and c.id = r.target_id
                        left join accounts au on au.id = case r.target_type when 'POST' then p.author_id
                                  when 'COMMENT' then c.author_id else r.target_id end
                        where r.status = 'OPEN'
                        group by r.target_type, r.target_id, p.hidden_at, c.hidden_at, au.suspended_at
                        order by first_at, r.target_type, r.target_id
                        limit :size""")
                .param("size", size)
                .query((rs, n) -> {
                    ReportTarget target = ReportTarget.valueOf(rs.getString("target_type"));
                    long id = rs.getLong("target_id");
                    return new QueueItem(target, id, rs.getInt("reporters"),
                            rs.getTimestamp("first_at").toInstant(),
                            strings(rs.getArray("reasons")).stream().map(ReportReason::valueOf).sorted().toList(),
                            strings(rs.getArray("details")), subjects.find(target, id, false).orElse(null),
                            rs.getBoolean("content_hidden"), rs.getBoolean("author_suspended"));
                })
                .list();
    }

    /**
     * Handles every open report of an item at once: dismisses them, hides the post or comment, or suspends its
     * author (the account itself for a reported account). Refused when the item has no open report.
     */
    @Transactional
    public int resolve(long adminId, ReportTarget target, long targetId, ReportOutcome outcome, String reason) {
        int handled = jdbc.sql("""
                        update reports set status = 'HANDLED', outcome = :outcome, handled_by = :admin,
                               handled_at = :now
                        where target_type = :type and target_id = :target and status = 'OPEN'""")
                .param("outcome", outcome.name()).param("admin", adminId)
                .param("now", Timestamp.from(clock.instant())).param("type", target.name())
                .param("target", targetId).update();
        if (handled == 0) {
            throw new UserFacingException("admin.reports.nothingOpen");
        }
        if (outcome == ReportOutcome.CONTENT_HIDDEN) {
            if (target == ReportTarget.POST) {
                hidePost(adminId, targetId, reason);
            } else if (target == ReportTarget.COMMENT) {
                hideComment(adminId, targetId, reason);
            } else {
                throw new UserFacingException("admin.reports.cannotHideAccount");
            }
        } else if (outcome == ReportOutcome.AUTHOR_SUSPENDED) {
            ReportSubject subject = subjects.get(target, targetId, false);
            suspend(adminId, subject.authorId(), reason);
        }
        audit.record(adminId, "REPORTS_RESOLVED", target.name(), targetId, reason,
                outcome.name() + ", " + handled + " report(s)");
        return handled;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
