package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A scheduled job on the shared database runs on one instance of a cluster at a time (ShedLock in PostgreSQL). */
class ScheduledJobLockTests extends IntegrationTest {

    private static final String JOB = "rate-limit-cleanup";

    @Autowired
    LockProvider locks;

    @Test
    void whileAnotherInstanceHoldsTheJobItIsSkippedHereAndRunsOnceItIsFree() {
        // the scheduler's own last run (at start) keeps the job for 30 s: let that pass (ShedLock keeps its rows)
        jdbc.sql("update shedlock set lock_until = timezone('utc', now()) - interval '1 second' where name = ?")
                .param(JOB)
                .update();
        String key = "cluster " + fixtures.uniqueHandle();
        rateLimits.consume(Limit.COMMENT, key);
        long id = RateLimits.id(Limit.COMMENT, key);
        jdbc.sql("update rate_limit_buckets set expires_at = 1 where id = ?")
                .param(id)
                .update();

        // what another instance's scheduler does when its turn comes first
        SimpleLock other = locks.lock(new LockConfiguration(Instant.now(), JOB, Duration.ofMinutes(1), Duration.ZERO))
                .orElseThrow();
        rateLimits.removeExpired();
        assertThat(rows(id)).as("the job ran while another instance held it").isEqualTo(1);

        other.unlock();
        rateLimits.removeExpired();
        assertThat(rows(id)).isZero();
        // and this run keeps the job for at least 30 s, so the other instance's next turn right after is skipped
        assertThat(jdbc.sql("select lock_until > timezone('utc', now()) from shedlock where name = ?")
                        .param(JOB)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(locks.lock(new LockConfiguration(Instant.now(), JOB, Duration.ofMinutes(1), Duration.ZERO)))
                .isEmpty();
    }

    private long rows(long id) {
        return jdbc.sql("select count(*) from rate_limit_buckets where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
