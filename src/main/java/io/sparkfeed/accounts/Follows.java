package io.sparkfeed.accounts;

import io.sparkfeed.platform.UserFacingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Prime members follow and unfollow accounts; one follow per pair, whatever the concurrency. */
@Service
public class Follows {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Follows(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public FollowCounts follow(long followerId, long followedId) {
        requireAllowed(followerId, followedId);
        int added = jdbc.sql("insert into follows (follower_id, followed_id) values (?, ?) on conflict do nothing")
                .params(followerId, followedId)
                .update();
        if (added == 1) {
            events.publishEvent(new AccountFollowed(UUID.randomUUID(), followerId, followedId));
        }
        return counts(followedId, followerId);
    }

    @Transactional
    public FollowCounts unfollow(long followerId, long followedId) {
        requireAllowed(followerId, followedId);
        jdbc.sql("delete from follows where follower_id = ? and followed_id = ?")
                .params(followerId, followedId)
                .update();
        return counts(followedId, followerId);
    }

    @Transactional(readOnly = true)
    public FollowCounts counts(long accountId, Long viewerId) {
        return jdbc.sql("""
                        select (select count(*) from follows where followed_id = :id),
                               (select count(*) from follows where follower_id = :id),
                               exists (select 1 from follows where follower_id = :viewer and followed_id = :id)""")
                .param("id", accountId)
                .param("viewer", viewerId == null ? -1L : viewerId)
                .query((rs, n) -> new FollowCounts(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
                .single();
    }

    /**
     * The account with this handle (case-insensitive, with or without the @) and its follow counts as the viewer
     * (null for a visitor) sees them, in one statement: a profile page pays for its header once.
     */
    @Transactional(readOnly = true)
    public Optional<Profile> profile(String handle, Long viewerId) {
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        return jdbc.sql("""
                        select a.id, a.handle, a.display_name, a.kind, a.enthusiast, a.suspended_at is not null,
                               exists (select 1 from memberships m where m.account_id = a.id
                                       and m.starts_at <= :now and m.ends_at > :now),
                               (select count(*) from follows where followed_id = a.id),
                               (select count(*) from follows where follower_id = a.id),
                               exists (select 1 from follows where follower_id = :viewer and followed_id = a.id)
                        from accounts a where lower(a.handle) = lower(:handle)""")
                .param("handle", bare)
                .param("viewer", viewerId == null ? -1L : viewerId)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Profile(
                        new AccountSummary(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                AccountKind.valueOf(rs.getString(4)),
                                EnthusiastStatus.valueOf(rs.getString(5)) == EnthusiastStatus.APPROVED,
                                rs.getBoolean(7),
                                rs.getBoolean(6)),
                        new FollowCounts(rs.getLong(8), rs.getLong(9), rs.getBoolean(10))))
                .optional();
    }

    /** The accounts following ({@code followers=true}) or followed by an account, newest follow first. */
    @Transactional(readOnly = true)
    public List<AccountSummary> list(long accountId, boolean followers, int limit) {
        List<Long> ids = jdbc.sql(
                        followers
                                ? "select follower_id from follows where followed_id = ? order by created_at desc limit ?"
                                : "select followed_id from follows where follower_id = ? order by created_at desc limit ?")
                .params(accountId, limit)
                .query(Long.class)
                .list();
        var summaries = accounts.summaries(ids);
        return ids.stream().map(summaries::get).filter(Objects::nonNull).toList();
    }

    private void requireAllowed(long followerId, long followedId) {
        if (followerId == followedId) {
            throw new UserFacingException("follow.self");
        }
        // a suspended or deleted account has no current view; brands never follow (nor post)
        CurrentAccount follower =
                accounts.current(followerId).orElseThrow(() -> new AccessDeniedException("Suspended or gone"));
        if (!follower.prime() || follower.brand()) {
            throw new AccessDeniedException("Prime members only");
        }
        accounts.get(followedId);
    }
}
