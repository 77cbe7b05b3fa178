package io.sparkfeed.shop;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts post views and product-card opens in memory and writes them every few seconds with one batched upsert
 * into {@code post_daily_stats}, so a page of cards costs no extra database round trip. A card open names the
 * product too: the flush keeps only opens of a product the post tags, on a post that is not hidden, so a made-up
 * {@code ?from=} credits nobody. Orders and revenue come from the order lines credited to a post. Counts not yet
 * flushed are lost if the process dies: they are statistics, not money.
 */
@Service
public class PostStats {

    private static final Logger log = LoggerFactory.getLogger(PostStats.class);

    private interface Counted {
        LocalDate day();
    }

    private record PostDay(long postId, LocalDate day) implements Counted {}

    private record CardDay(long postId, long productId, LocalDate day) implements Counted {}

    /**
     * Most keys each map holds: what request input feeds ({@code ?from=}, a product id) can never grow it further.
     * A key new while a map is full is not counted (until the next flush empties it); keys already counted keep
     * counting, so a flood of made-up ids loses its own counts, never the real ones. Only statistics are lost.
     */
    static final int MAX_COUNTERS = 50_000;

    private final Map<PostDay, AtomicLong> views = new ConcurrentHashMap<>();
    private final Map<CardDay, AtomicLong> opens = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;

    PostStats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one view for each post of a rendered page. */
    public void viewed(Collection<Long> postIds) {
        LocalDate today = today();
        for (Long id : postIds) {
            count(views, new PostDay(id, today));
        }
    }

    /**
     * Counts a product card opened from a post: the product page opened from its hotspot, or Buy now / Add to cart
     * pressed on the hotspot card itself. Whether the post really tags the product is checked when flushing.
     */
    public void cardOpened(long postId, long productId) {
        count(opens, new CardDay(postId, productId, today()));
    }

    /**
     * Writes what was counted since the last flush, in one statement; posts deleted or hidden meanwhile are skipped
     * (only their author and admins still see a hidden post), and card opens count only for a product the post tags. Scheduled by
     * {@code PostStatsFlushing}, and called when the application stops.
     */
    @Transactional
    public void flush() {
        Map<PostDay, Long> viewBatch = drain(views);
        Map<CardDay, Long> openBatch = drain(opens);
        if (viewBatch.isEmpty() && openBatch.isEmpty()) {
            return;
        }
        List<Long> viewPosts = new ArrayList<>();
        List<String> viewDays = new ArrayList<>();
        List<Long> viewCounts = new ArrayList<>();
        viewBatch.forEach((key, n) -> {
            viewPosts.add(key.postId());
            viewDays.add(key.day().toString());
            viewCounts.add(n);
        });
        List<Long> openPosts = new ArrayList<>();
        List<Long> openProducts = new ArrayList<>();
        List<String> openDays = new ArrayList<>();
        List<Long> openCounts = new ArrayList<>();
        openBatch.forEach((key, n) -> {
            openPosts.add(key.postId());
            openProducts.add(key.productId());
            openDays.add(key.day().toString());
            openCounts.add(n);
        });
        try {
            jdbc.sql("""
                            with counted as (
                                select v.post_id, v.day::date as day, v.n as views, 0::bigint as opens
                                from unnest(?::bigint[], ?::text[], ?::bigint[]) as v(post_id, day, n)
                                union all
                                select o.post_id, o.day::date, 0, o.n
                                from unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[]) as o(post_id, product_id, day, n)
                                where exists (select 1 from post_credits t
                                              where t.post_id = o.post_id and t.product_id = o.product_id))
                            insert into post_daily_stats (post_id, day, views, card_opens)
                            select c.post_id, c.day, sum(c.views)::bigint, sum(c.opens)::bigint
                            from counted c
                            where exists (select 1 from post_facts p where p.id = c.post_id and p.hidden_at is null)
                            group by c.post_id, c.day
                            on conflict (post_id, day) do update
                            set views = post_daily_stats.views + excluded.views,
                                card_opens = post_daily_stats.card_opens + excluded.card_opens""")
                    .params(
                            viewPosts.toArray(Long[]::new),
                            viewDays.toArray(String[]::new),
                            viewCounts.toArray(Long[]::new),
                            openPosts.toArray(Long[]::new),
                            openProducts.toArray(Long[]::new),
                            openDays.toArray(String[]::new),
                            openCounts.toArray(Long[]::new))
                    .update();
        } catch (RuntimeException e) {
            log.warn("Could not write {} post statistics rows", viewBatch.size() + openBatch.size(), e);
        }
    }

    private static <K> void count(Map<K, AtomicLong> counters, K key) {
        AtomicLong counter = counters.get(key);
        if (counter == null) {
            if (counters.size() >= MAX_COUNTERS) {
                return;
            }
            counter = counters.computeIfAbsent(key, k -> new AtomicLong());
        }
        counter.incrementAndGet();
    }

    /** How many keys are counted in memory (both maps): at most about {@link #MAX_COUNTERS} each. */
    int keysInMemory() {
        return views.size() + opens.size();
    }

    /** Writes what is still counted when the application stops. */
    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    private <K extends Counted> Map<K, Long> drain(Map<K, AtomicLong> counters) {
        LocalDate today = today();
        Map<K, Long> batch = new HashMap<>();
        for (Map.Entry<K, AtomicLong> entry : counters.entrySet()) {
            long n = entry.getValue().getAndSet(0);
            K key = entry.getKey();
            if (n == 0 || key.day().isBefore(today)) {
                // nothing counted since the last flush (or a past day): the entry goes, so a key that request input
                // made up lives one flush interval, not until midnight
                // a late increment may still land in the next flush before the entry goes
                counters.remove(key, entry.getValue());
                n += entry.getValue().getAndSet(0);
            }
            if (n > 0) {
                batch.merge(key, n, Long::sum);
            }
        }
        return batch;
    }

    /** The author's posts, newest first, with views, card opens, orders and revenue over 7 days, 30 days and ever. */
    @Transactional(readOnly = true)
    public List<PostStatsRow> forAuthor(long authorId) {
        Instant now = clock.instant();
        LocalDate today = today();
        return jdbc.sql("""
                        select p.id, p.caption, p.created_at,
                               coalesce(v.views_7, 0) as views_7, coalesce(v.opens_7, 0) as opens_7,
                               coalesce(v.views_30, 0) as views_30, coalesce(v.opens_30, 0) as opens_30,
                               coalesce(v.views_all, 0) as views_all, coalesce(v.opens_all, 0) as opens_all,
                               coalesce(o.orders_7, 0) as orders_7, coalesce(o.revenue_7, 0) as revenue_7,
                               coalesce(o.orders_30, 0) as orders_30, coalesce(o.revenue_30, 0) as revenue_30,
                               coalesce(o.orders_all, 0) as orders_all, coalesce(o.revenue_all, 0) as revenue_all
                        from post_facts p
                        left join (select s.post_id,
                                          sum(s.views) filter (where s.day > :day7) as views_7,
                                          sum(s.card_opens) filter (where s.day > :day7) as opens_7,
                                          sum(s.views) filter (where s.day > :day30) as views_30,
                                          sum(s.card_opens) filter (where s.day > :day30) as opens_30,
                                          sum(s.views) as views_all, sum(s.card_opens) as opens_all
                                   from post_daily_stats s join post_facts sp on sp.id = s.post_id
                                   where sp.author_id = :author group by s.post_id) v on v.post_id = p.id
                        left join (select l.post_id,
                                          count(distinct l.order_id) filter (where o.created_at > :since7) as orders_7,
                                          sum(l.price * l.quantity) filter (where o.created_at > :since7) as revenue_7,
                                          count(distinct l.order_id) filter (where o.created_at > :since30) as orders_30,
                                          sum(l.price * l.quantity) filter (where o.created_at > :since30) as revenue_30,
                                          count(distinct l.order_id) as orders_all,
                                          sum(l.price * l.quantity) as revenue_all
                                   from order_lines l join orders o on o.id = l.order_id
                                   join post_facts lp on lp.id = l.post_id
                                   where lp.author_id = :author and o.status not in ('CANCELLED', 'EXPIRED')
                                   group by l.post_id) o on o.post_id = p.id
                        where p.author_id = :author
                        order by p.created_at desc, p.id desc""")
                .param("author", authorId)
                .param("day7", Date.valueOf(today.minusDays(7)))
                .param("day30", Date.valueOf(today.minusDays(30)))
                .param("since7", Timestamp.from(now.minus(Duration.ofDays(7))))
                .param("since30", Timestamp.from(now.minus(Duration.ofDays(30))))
                .query((rs, n) -> new PostStatsRow(
                        rs.getLong("id"),
                        rs.getString("caption"),
                        rs.getTimestamp("created_at").toInstant(),
                        window(rs, "7"),
                        window(rs, "30"),
                        window(rs, "all")))
                .list();
    }

    private static PostStatsRow.Window window(ResultSet rs, String suffix) throws SQLException {
        BigDecimal revenue = rs.getBigDecimal("revenue_" + suffix);
        return new PostStatsRow.Window(
                rs.getLong("views_" + suffix),
                rs.getLong("opens_" + suffix),
                rs.getLong("orders_" + suffix),
                revenue.setScale(2, RoundingMode.HALF_UP));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
