package io.sparkfeed.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Token buckets (Bucket4j) for every {@link Limit}. A bucket is found by a 64-bit hash of the limit and its key, so
 * whatever a request sends, a key costs eight bytes and one row: the table holds at most one row per key in use,
 * and rows whose bucket has refilled expire and are removed. Database buckets live in {@code rate_limit_buckets}
 * and are changed under a PostgreSQL advisory lock, one short transaction of their own (call this outside any
 * other transaction, so it never holds two connections); local buckets live in a Caffeine cache with a maximum
 * size. Time is the application's clock, so tests can move it.
 */
@Service
public class RateLimits {

    private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,4})([smhd])\\s*");
    private static final int LOCAL_KEYS = 100_000;

    /** What a consumption attempt decided. */
    public record Outcome(boolean allowed, Duration retryAfter) {}

    private final Map<Limit, BucketConfiguration> configurations = new EnumMap<>(Limit.class);
    private final ProxyManager<Long> database;
    private final Cache<Long, Bucket> local;
    private final TimeMeter time;
    private final JdbcClient jdbc;

    RateLimits(Environment environment, DataSource dataSource, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        for (Limit limit : Limit.values()) {
            configurations.put(limit, configuration(limit, environment.getRequiredProperty(limit.property())));
        }
        this.database = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .table("rate_limit_buckets")
                .clientClock(time)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .primaryKeyMapper(PrimaryKeyMapper.LONG)
                .build();
        this.local = Caffeine.newBuilder()
                .maximumSize(LOCAL_KEYS)
                .expireAfterAccess(Duration.ofDays(1))
                .build();
    }

    /** Takes one token for the key; refused (and nothing taken) when the bucket is empty. */
    public Outcome consume(Limit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return new Outcome(
                probe.isConsumed(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Like {@link #consume}, but throws {@link TooManyRequestsException} when refused. */
    public void check(Limit limit, String key) {
        Outcome outcome = consume(limit, key);
        if (!outcome.allowed()) {
            throw new TooManyRequestsException(outcome.retryAfter());
        }
    }

    /** Gives tokens back (never beyond the bucket's capacity): an attempt that turned out not to count. */
    public void refund(Limit limit, String key, int tokens) {
        bucket(limit, key).addTokens(tokens);
    }

    /** Fills the key's bucket again. */
    public void forgive(Limit limit, String key) {
        long id = id(limit, key);
        if (limit.store() == Limit.Store.LOCAL) {
            local.invalidate(id);
        } else {
            database.removeProxy(id);
        }
    }

    /** Forgets every count (tests; an operator can also empty the table). */
    public void forgetAll() {
        local.invalidateAll();
        jdbc.sql("delete from rate_limit_buckets").update();
    }

    /** How many local buckets are kept (bounded by the cache's maximum size). */
    long localKeys() {
        local.cleanUp();
        return local.estimatedSize();
    }

    /** Removes the rows of buckets that have refilled: the table only holds keys in use. One instance at a time. */
    @Scheduled(fixedDelayString = "${sparkfeed.limits.cleanup-interval:5m}")
    @SchedulerLock(name = "rate-limit-cleanup", lockAtMostFor = "10m", lockAtLeastFor = "30s")
    void removeExpired() {
        var cleaner = (PostgreSQLadvisoryLockBasedProxyManager<Long>) database;
        while (cleaner.removeExpired(1000) == 1000) {
            Thread.yield();
        }
    }

    private Bucket bucket(Limit limit, String key) {
        long id = id(limit, key);
        BucketConfiguration configuration = configurations.get(limit);
        if (limit.store() == Limit.Store.LOCAL) {
            return local.get(id, k -> {
                var builder = Bucket.builder().withCustomTimePrecision(time);
                for (Bandwidth bandwidth : configuration.getBandwidths()) {
                    builder.addLimit(bandwidth);
                }
                return builder.build();
            });
        }
        return database.builder().build(id, () -> configuration);
    }

    /** 64 bits of SHA-256 over the limit and the key: bounded whatever the key, collisions practically never. */
    static long id(Limit limit, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((limit.name() + '\n' + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code 5/1m,20/1h}: at most 5 at once, refilled at 5 a minute, and at most 20 in an hour; the wait grows as
     * the longer bandwidths empty.
     */
    static BucketConfiguration configuration(Limit limit, String spec) {
        List<Bandwidth> bandwidths = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            Matcher m = SPEC.matcher(part);
            if (!m.matches()) {
                throw new IllegalStateException(
                        limit.property() + ": expected capacity/period like 10/1m, not " + spec);
            }
            long capacity = Long.parseLong(m.group(1));
            long amount = Long.parseLong(m.group(2));
            Duration period = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            if (capacity == 0 || period.isZero()) {
                throw new IllegalStateException(limit.property() + ": capacity and period must be positive");
            }
            bandwidths.add(Bandwidth.builder()
                    .capacity(capacity)
                    .refillGreedy(capacity, period)
                    .build());
        }
        var builder = BucketConfiguration.builder();
        bandwidths.forEach(builder::addLimit);
        return builder.build();
    }
}
