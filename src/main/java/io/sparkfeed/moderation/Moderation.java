package io.sparkfeed.moderation;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.questions.Questions;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
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
    private final Reactions reactions;
    private final Questions questions;
    private final Accounts accounts;
    private final Subjects subjects;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Moderation(
            Posts posts,
            Reactions reactions,
            Questions questions,
            Accounts accounts,
            Subjects subjects,
            AuditLog audit,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.posts = posts;
        this.reactions = reactions;
        this.questions = questions;
        this.accounts = accounts;
        this.subjects = subjects;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Hides a post (media then withholds its photo while nothing visible shows it); the author is told why. An
     * enthusiast reinstatement no longer puts this post back: the decision is now this takedown's.
     */
    @Transactional
    public void hidePost(long adminId, long postId, String reason) {
        long author = posts.hide(postId, reason);
        forgetEnthusiastSuspension(postId);
        audit.record(adminId, "POST_HIDDEN", "POST", postId, reason, "author " + author);
        events.publishEvent(new PostTakenDown(UUID.randomUUID(), postId, author, reason));
    }

    @Transactional
    public void restorePost(long adminId, long postId, String reason) {
        long author = posts.restore(postId);
        forgetEnthusiastSuspension(postId);
        audit.record(adminId, "POST_RESTORED", "POST", postId, reason, "author " + author);
    }

    @Transactional
    public void hideComment(long adminId, long commentId, String reason) {
        long author = reactions.hideComment(commentId, reason);
        audit.record(adminId, "COMMENT_HIDDEN", "COMMENT", commentId, reason, "author " + author);
        subjects.find(ReportTarget.COMMENT, commentId, false)
                .ifPresent(comment -> events.publishEvent(
                        new CommentTakenDown(UUID.randomUUID(), commentId, comment.postId(), author, reason)));
    }

    @Transactional
    public void restoreComment(long adminId, long commentId, String reason) {
        long author = reactions.restoreComment(commentId);
        audit.record(adminId, "COMMENT_RESTORED", "COMMENT", commentId, reason, "author " + author);
    }

    /**
     * Hides a question about a product, with its answers (audited): it leaves every list but its author's and
     * admins'; the author is told why.
     */
    @Transactional
    public void hideQuestion(long adminId, long questionId, String reason) {
        long author = questions.hideQuestion(questionId, reason).authorId();
        audit.record(adminId, "QUESTION_HIDDEN", "QUESTION", questionId, reason, "author " + author);
        events.publishEvent(new QuestionTakenDown(UUID.randomUUID(), questionId, author, reason));
    }

    @Transactional
    public void restoreQuestion(long adminId, long questionId, String reason) {
        long author = questions.restoreQuestion(questionId).authorId();
        audit.record(adminId, "QUESTION_RESTORED", "QUESTION", questionId, reason, "author " + author);
    }

    /** Hides an answer to a question (audited); the author is told why. */
    @Transactional
    public void hideAnswer(long adminId, long answerId, String reason) {
        var hidden = questions.hideAnswer(answerId, reason);
        audit.record(adminId, "ANSWER_HIDDEN", "ANSWER", answerId, reason, "author " + hidden.authorId());
        events.publishEvent(
                new AnswerTakenDown(UUID.randomUUID(), answerId, hidden.questionId(), hidden.authorId(), reason));
    }

    @Transactional
    public void restoreAnswer(long adminId, long answerId, String reason) {
        long author = questions.restoreAnswer(answerId).authorId();
        audit.record(adminId, "ANSWER_RESTORED", "ANSWER", answerId, reason, "author " + author);
    }

    /** Suspends an account: it can no longer log in, its sessions end, and it cannot act (see the README). */
    @Transactional
    public void suspend(long adminId, long accountId, String reason) {
        if (!suspendUnlessSuspended(adminId, accountId, reason)) {
            throw new UserFacingException("admin.moderation.alreadySuspended");
        }
    }

    @Transactional
    public void reinstate(long adminId, long accountId, String reason) {
        if (!accounts.reinstate(accountId)) {
            throw new UserFacingException("admin.moderation.notSuspended");
        }
        audit.record(adminId, "ACCOUNT_REINSTATED", "ACCOUNT", accountId, reason, null);
    }

    /**
     * A page of the reported items with open reports, the longest waiting first ({@code newestFirst}: the most
     * recently reported first), each with its number of reporters, after {@code after} (null: from the start). An
     * item its author deleted stays (its author known from the reports), so that the author can still be
     * suspended.
     */
    @Transactional(readOnly = true)
    public QueuePage queue(boolean newestFirst, QueuePage.Position after, int size) {
        String direction = newestFirst ? "desc" : "asc";
        String comparison = newestFirst ? "<" : ">";
        List<QueueItem> items = jdbc.sql("""
                        with open as (
                            select target_type, target_id, count(*) as reporters, min(created_at) as first_at,
                                   array_agg(distinct reason) as reasons,
                                   array_remove(array_agg(details order by created_at, id), null) as details,
                                   max(author_id) as reported_author
                            from reports where status = 'OPEN'
                            group by target_type, target_id
                            having :start or (min(created_at), target_type, target_id) %2$s (:at, :type, :id)
                            order by first_at %1$s, target_type %1$s, target_id %1$s
                            limit :size)
                        select o.*,
                               coalesce(p.hidden_at, c.hidden_at, q.hidden_at, x.hidden_at) is not null
                                   as content_hidden,
                               au.handle as author_handle, au.suspended_at is not null as author_suspended,
                               case o.target_type when 'POST' then p.id is not null
                                   when 'COMMENT' then c.id is not null when 'QUESTION' then q.id is not null
                                   when 'ANSWER' then x.id is not null else au.id is not null end as found,
                               case o.target_type when 'POST' then p.author_id
                                   when 'COMMENT' then c.author_id when 'QUESTION' then q.author_id
                                   when 'ANSWER' then x.author_id else au.id end as subject_author,
                               case o.target_type when 'POST' then p.caption
                                   when 'COMMENT' then c.body when 'QUESTION' then q.body
                                   when 'ANSWER' then x.body else au.display_name end as subject_text,
                               coalesce(c.post_id, x.question_id) as subject_post
                        from open o
                        left join post_facts p on o.target_type = 'POST' and p.id = o.target_id
                        left join comment_facts c on o.target_type = 'COMMENT' and c.id = o.target_id
                        left join question_facts q on o.target_type = 'QUESTION' and q.id = o.target_id
                        left join answer_facts x on o.target_type = 'ANSWER' and x.id = o.target_id
                        left join account_names au on au.id = coalesce(case o.target_type when 'POST' then p.author_id
                                  when 'COMMENT' then c.author_id when 'QUESTION' then q.author_id
                                  when 'ANSWER' then x.author_id else o.target_id end, o.reported_author)
                        order by o.first_at %1$s, o.target_type %1$s, o.target_id %1$s""".formatted(direction, comparison))
                .param("size", size + 1)
                .param("start", after == null)
                .param("at", Timestamp.from(after == null ? Instant.EPOCH : after.firstReportedAt()))
                .param("type", after == null ? "" : after.target().name())
                .param("id", after == null ? 0L : after.targetId())
                .query((rs, n) -> {
                    ReportTarget target = ReportTarget.valueOf(rs.getString("target_type"));
                    long id = rs.getLong("target_id");
                    // the item as Subjects would find it, read in the same statement: no query per row
                    ReportSubject subject = rs.getBoolean("found")
                            ? new ReportSubject(
                                    target,
                                    id,
                                    rs.getLong("subject_author"),
                                    rs.getString("author_handle"),
                                    rs.getString("subject_text"),
                                    rs.getObject("subject_post", Long.class))
                            : null;
                    return new QueueItem(
                            target,
                            id,
                            rs.getInt("reporters"),
                            rs.getTimestamp("first_at").toInstant(),
                            strings(rs.getArray("reasons")).stream()
                                    .map(ReportReason::valueOf)
                                    .sorted()
                                    .toList(),
                            strings(rs.getArray("details")),
                            subject,
                            rs.getString("author_handle"),
                            rs.getBoolean("content_hidden"),
                            rs.getBoolean("author_suspended"));
                })
                .list();
        if (items.size() <= size) {
            return new QueuePage(items, null);
        }
        QueueItem last = items.get(size - 1);
        return new QueuePage(
                items.subList(0, size), new QueuePage.Position(last.firstReportedAt(), last.target(), last.targetId()));
    }

    /**
     * Handles every open report of an item at once: dismisses them, hides the post or comment, or suspends its
     * author (the account itself for a reported account). Refused when the item has no open report. Idempotent
     * outcomes: content already hidden (or deleted by its author) is not hidden again, an author already
     * suspended is not suspended again; the outcome is recorded and audited all the same.
     */
    @Transactional
    public int resolve(long adminId, ReportTarget target, long targetId, ReportOutcome outcome, String reason) {
        if (outcome == ReportOutcome.CONTENT_HIDDEN && target == ReportTarget.ACCOUNT) {
            throw new UserFacingException("admin.reports.cannotHideAccount");
        }
        List<Long> reportedAuthors = jdbc.sql("""
                        update reports set status = 'HANDLED', outcome = :outcome, handled_by = :admin,
                               handled_at = :now
                        where target_type = :type and target_id = :target and status = 'OPEN'
                        returning author_id""")
                .param("outcome", outcome.name())
                .param("admin", adminId)
                .param("now", Timestamp.from(clock.instant()))
                .param("type", target.name())
                .param("target", targetId)
                .query((rs, n) -> (Long) rs.getObject(1))
                .list();
        int handled = reportedAuthors.size();
        if (handled == 0) {
            throw new UserFacingException("admin.reports.nothingOpen");
        }
        Optional<ReportSubject> subject = subjects.find(target, targetId, false);
        String note = "";
        if (outcome == ReportOutcome.CONTENT_HIDDEN) {
            if (subject.isEmpty()) {
                note = " (deleted by its author)";
            } else if (subjects.hidden(target, targetId)) {
                note = " (already hidden)";
            } else if (target == ReportTarget.POST) {
                hidePost(adminId, targetId, reason);
            } else if (target == ReportTarget.QUESTION) {
                hideQuestion(adminId, targetId, reason);
            } else if (target == ReportTarget.ANSWER) {
                hideAnswer(adminId, targetId, reason);
            } else {
                hideComment(adminId, targetId, reason);
            }
        } else if (outcome == ReportOutcome.AUTHOR_SUSPENDED) {
            Long author = subject.map(ReportSubject::authorId)
                    .orElseGet(() -> reportedAuthors.stream()
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElseThrow(() -> new UserFacingException("admin.reports.authorUnknown")));
            if (!suspendUnlessSuspended(adminId, author, reason)) {
                note = " (already suspended)";
            }
        }
        audit.record(
                adminId,
                "REPORTS_RESOLVED",
                target.name(),
                targetId,
                reason,
                outcome.name() + note + ", " + handled + " report(s)");
        return handled;
    }

    /** Suspends and audits; false (and nothing audited) when the account was suspended already. */
    private boolean suspendUnlessSuspended(long adminId, long accountId, String reason) {
        if (adminId == accountId) {
            throw new UserFacingException("admin.moderation.suspendSelf");
        }
        if (!accounts.suspend(accountId, reason)) {
            return false;
        }
        audit.record(adminId, "ACCOUNT_SUSPENDED", "ACCOUNT", accountId, reason, null);
        return true;
    }

    private void forgetEnthusiastSuspension(long postId) {
        jdbc.sql("delete from enthusiast_hidden_posts where post_id = ?")
                .param(postId)
                .update();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
