package io.sparkfeed.accounts;

import io.sparkfeed.platform.UserFacingException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Prime members follow and unfollow accounts; one follow per pair, whatever the concurrency. */
@Service
public class Follows {

    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    Follows(JdbcClient jdbc, Memberships memberships, Accounts accounts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional
    public FollowCounts follow(long followerId, long followedId) {
        requireAllowed(followerId, followedId);
        int added = jdbc.sql("insert into follows (follower_id, followed_id) values (?, ?) on conflict do nothing")
                .params(followerId, followedId).update();
        if (added == 1) {
            events.publishEvent(new AccountFollowed(followerId, followedId));
        }
        return counts(followedId, followerId);
    }

    @Transactional
    public FollowCounts unfollow(long followerId, long followedId) {
        requireAllowed(followerId, followedId);
        jdbc.sql("delete from follows where follower_id = ? and followed_id = ?").params(followerId, followedId).update();
        return counts(followedId, followerId);
    }

    @Transactional(readOnly = true)
    public FollowCounts counts(long accountId, Long viewerId) {
        return jdbc.sql("""
                        select (select count(*) from follows where followed_id = :id),
                               (select count(*) from follows where follower_id = :id),
                               exists (select 1 from follows where follower_id = :viewer and followed_id = :id)""")
                .param("id", accountId).param("viewer", viewerId == null ? -1L : viewerId)
                .query((rs, n) -> new FollowCounts(rs.getLong(1), rs.getLong(2), rs.getBoolean(3))).single();
    }

    /** The accounts following ({@code followers=true}) or followed by an account, newest follow first. */
    @Transactional(readOnly = true)
    public List<AccountSummary> list(long accountId, boolean followers, int limit) {
        List<Long> ids = jdbc.sql(followers
                        ? "select follower_id from follows where followed_id = ? order by created_at desc limit ?"
                        : "select followed_id from follows where follower_id = ? order by created_at desc limit ?")
                .params(accountId, limit).query(Long.class).list();
        var summaries = accounts.summaries(ids);
        return ids.stream().map(summaries::get).filter(java.util.Objects::nonNull).toList();
    }

    private void requireAllowed(long followerId, long followedId) {
        if (followerId == followedId) {
            throw new UserFacingException("follow.self");
        }
        if (accounts.current(followerId).isEmpty() || !memberships.isPrime(followerId)) {
            throw new AccessDeniedException("Prime only");
        }
        accounts.get(followedId);
    }
}
