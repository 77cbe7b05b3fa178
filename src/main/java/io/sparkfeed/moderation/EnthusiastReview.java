package io.sparkfeed.moderation;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.Posts;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins run the enthusiast program: approve or decline applications, suspend (keeping or hiding the posts),
 * reinstate and revoke enthusiasts. Every decision is audited with its reason.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class EnthusiastReview {

    private final Accounts accounts;
    private final Posts posts;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnthusiastReview(
            Accounts accounts,
            Posts posts,
            AuditLog audit,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.posts = posts;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Pending applications, oldest first. */
    @Transactional(readOnly = true)
    public List<EnthusiastApplication> pending() {
        return jdbc.sql(Enthusiasts.SELECT + " where e.status = 'PENDING' order by e.created_at, e.id limit 200")
                .query(Enthusiasts::application)
                .list();
    }

    /** Approved and suspended enthusiasts, by handle. */
    @Transactional(readOnly = true)
    public List<EnthusiastMember> members() {
        return jdbc.sql("""
                        select a.id, a.handle, a.display_name, a.enthusiast,
                               (select count(*) from enthusiast_hidden_posts h where h.account_id = a.id)
                        from account_names a where a.enthusiast in ('APPROVED', 'SUSPENDED')
                        order by lower(a.handle) limit 500""")
                .query((rs, n) -> new EnthusiastMember(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        EnthusiastStatus.valueOf(rs.getString(4)),
                        rs.getInt(5)))
                .list();
    }

    @Transactional
    public void approve(long adminId, long applicationId, String reason) {
        long accountId = decide(adminId, applicationId, "APPROVED", reason);
        accounts.changeEnthusiastStatus(accountId, EnthusiastStatus.APPROVED);
        audit.record(adminId, "ENTHUSIAST_APPROVED", "ACCOUNT", accountId, reason, "application " + applicationId);
        events.publishEvent(
                new EnthusiastApplicationDecided(UUID.randomUUID(), applicationId, accountId, true, reason));
    }

    @Transactional
    public void decline(long adminId, long applicationId, String reason) {
        long accountId = decide(adminId, applicationId, "DECLINED", reason);
        audit.record(adminId, "ENTHUSIAST_DECLINED", "ACCOUNT", accountId, reason, "application " + applicationId);
        events.publishEvent(
                new EnthusiastApplicationDecided(UUID.randomUUID(), applicationId, accountId, false, reason));
    }

    /** Suspends an approved enthusiast: the badge goes; {@code hidePosts} also hides their visible posts. */
    @Transactional
    public void suspend(long adminId, long accountId, boolean hidePosts, String reason) {
        require(accountId, EnthusiastStatus.APPROVED);
        accounts.changeEnthusiastStatus(accountId, EnthusiastStatus.SUSPENDED);
        int hidden = 0;
        if (hidePosts) {
            for (long postId : posts.hideAllBy(accountId, reason)) {
                jdbc.sql(
                                "insert into enthusiast_hidden_posts (account_id, post_id) values (?, ?) on conflict do nothing")
                        .params(accountId, postId)
                        .update();
                hidden++;
            }
        }
        audit.record(
                adminId,
                "ENTHUSIAST_SUSPENDED",
                "ACCOUNT",
                accountId,
                reason,
                hidePosts ? hidden + " post(s) hidden" : "posts stay visible");
    }

    /** Lifts an enthusiast suspension and puts back the posts it hid (those still hidden). */
    @Transactional
    public void reinstate(long adminId, long accountId, String reason) {
        require(accountId, EnthusiastStatus.SUSPENDED);
        accounts.changeEnthusiastStatus(accountId, EnthusiastStatus.APPROVED);
        List<Long> hidden = jdbc.sql("delete from enthusiast_hidden_posts where account_id = ? returning post_id")
                .param(accountId)
                .query(Long.class)
                .list();
        int restored = 0;
        for (long postId : hidden) {
            try {
                posts.restore(postId);
                restored++;
            } catch (UserFacingException alreadyRestored) {
                // an admin restored it in the meantime
            }
        }
        audit.record(adminId, "ENTHUSIAST_REINSTATED", "ACCOUNT", accountId, reason, restored + " post(s) restored");
    }

    /** Ends the enthusiast status for good; posts a suspension hid stay hidden. */
    @Transactional
    public void revoke(long adminId, long accountId, String reason) {
        EnthusiastStatus status = accounts.enthusiastStatus(accountId);
        if (status != EnthusiastStatus.APPROVED && status != EnthusiastStatus.SUSPENDED) {
            throw new UserFacingException("admin.enthusiasts.notEnthusiast");
        }
        accounts.changeEnthusiastStatus(accountId, EnthusiastStatus.REVOKED);
        jdbc.sql("delete from enthusiast_hidden_posts where account_id = ?")
                .param(accountId)
                .update();
        audit.record(adminId, "ENTHUSIAST_REVOKED", "ACCOUNT", accountId, reason, "was " + status);
    }

    private long decide(long adminId, long applicationId, String status, String reason) {
        return jdbc.sql("""
                        update enthusiast_applications set status = :status, decision_reason = :reason,
                               decided_by = :admin, decided_at = :now
                        where id = :id and status = 'PENDING' returning account_id""")
                .param("status", status)
                .param("reason", reason)
                .param("admin", adminId)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", applicationId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> {
                    boolean exists = jdbc.sql("select count(*) from enthusiast_applications where id = ?")
                                    .param(applicationId)
                                    .query(Long.class)
                                    .single()
                            > 0;
                    return exists
                            ? new UserFacingException("admin.enthusiasts.decidedAlready")
                            : new NotFoundException("application " + applicationId);
                });
    }

    private void require(long accountId, EnthusiastStatus expected) {
        if (accounts.enthusiastStatus(accountId) != expected) {
            throw new UserFacingException(
                    expected == EnthusiastStatus.APPROVED
                            ? "admin.enthusiasts.notApproved"
                            : "admin.enthusiasts.notSuspended");
        }
    }
}
