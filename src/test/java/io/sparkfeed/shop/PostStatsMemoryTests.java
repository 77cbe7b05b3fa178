package io.sparkfeed.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Request input cannot grow the in-memory post statistics (issue 10, point 7): made-up {@code ?from=} ids are
 * bounded in number, and gone after a flush instead of staying until midnight.
 */
class PostStatsMemoryTests extends IntegrationTest {

    @Autowired
    PostStats stats;

    @Test
    void madeUpCardOpensAreBoundedAndDoNotOutliveAFlush() throws Exception {
        stats.flush();
        stats.flush();
        long product = fixtures.product(0);
        mvc.perform(get("/products/" + product).param("from", "987654321987")).andExpect(status().isOk());
        assertThat(stats.keysInMemory()).isPositive();
        for (long from = 1; from <= 3L * PostStats.MAX_COUNTERS; from++) {
            stats.cardOpened(1_000_000_000L + from, product);
        }
        assertThat(stats.keysInMemory()).isLessThanOrEqualTo(2 * PostStats.MAX_COUNTERS);
        // the made-up ids credit nobody, and no key stays for the rest of the day
        stats.flush();
        stats.flush();
        assertThat(stats.keysInMemory()).isZero();
    }

    @Test
    void aFloodOfMadeUpIdsDoesNotEvictRealCounts() {
        stats.flush();
        stats.flush();
        var author = fixtures.primeMember();
        long product = fixtures.product(0);
        long postId = fixtures.post(author, "open my card", product);
        for (int i = 0; i < 20; i++) {
            stats.cardOpened(postId, product);
        }
        for (long from = 1; from <= 2L * PostStats.MAX_COUNTERS; from++) {
            stats.cardOpened(2_000_000_000L + from, product);
        }
        stats.flush();
        assertThat(jdbc.sql("select coalesce(sum(card_opens), 0) from post_daily_stats where post_id = ?")
                        .param(postId)
                        .query(Long.class)
                        .single())
                .isEqualTo(20);
    }
}
