package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The buckets behind every limit: shared by instances through PostgreSQL, bounded whatever the keys. */
class RateLimitsTests extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    @Test
    void aSecondInstanceSeesTheSameCounts() {
        clock.pin(Instant.now());
        RateLimits other = new RateLimits(environment, dataSource, jdbc, clock);
        String key = "shared " + fixtures.uniqueHandle();
        for (int i = 0; i < 5; i++) {
            assertThat(rateLimits.consume(Limit.LOGIN_PLACE, key).allowed()).isTrue();
        }
        RateLimits.Outcome refused = other.consume(Limit.LOGIN_PLACE, key);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        other.refund(Limit.LOGIN_PLACE, key, 1);
        assertThat(rateLimits.consume(Limit.LOGIN_PLACE, key).allowed()).isTrue();
    }

    @Test
    void everyRowExpiresOnceItsBucketIsFullAgain() {
        String key = "expiring " + fixtures.uniqueHandle();
        rateLimits.consume(Limit.COMMENT, key);
        long expiresAt = jdbc.sql("select expires_at from rate_limit_buckets where id = ?")
                .param(RateLimits.id(Limit.COMMENT, key))
                .query(Long.class)
                .single();
        // one comment is back within 6 minutes (100 an hour), plus a minute's grace: then removeExpired deletes it
        assertThat(expiresAt).isBetween(System.currentTimeMillis(), System.currentTimeMillis() + 8 * 60_000L);
        rateLimits.removeExpired();
    }

    @Test
    void localBucketsAreBoundedInNumber() {
        for (int i = 0; i < 120_000; i++) {
            rateLimits.consume(Limit.SEARCH, "visitor " + i);
        }
        assertThat(rateLimits.localKeys()).isLessThanOrEqualTo(100_000);
    }

    @Test
    void aLimitIsReadAsCapacityOverPeriods() {
        var configuration = RateLimits.configuration(Limit.COMMENT, "5/1m, 20/1h");
        assertThat(configuration.getBandwidths()).hasSize(2);
        assertThat(configuration.getBandwidths()[1].getCapacity()).isEqualTo(20);
        for (String wrong : new String[] {"", "5", "0/1m", "5/0m", "5/1w", "1E9/1m", "5/1m,"}) {
            assertThatThrownBy(() -> RateLimits.configuration(Limit.COMMENT, wrong))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private long rows(long id) {
        return count("select count(*) from rate_limit_buckets where id = ?", id);
    }
}
