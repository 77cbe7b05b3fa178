package io.sparkfeed.shop;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the post statistics counted in memory every {@code sparkfeed.stats.flush-interval}. Not locked: each
 * instance of a cluster flushes what it counted, and flushes add to the stored counts. Switched off with
 * {@code sparkfeed.stats.scheduled-flush=false} (the tests do, and flush when they mean to, so a flush never lands
 * between a request and an assertion).
 */
@Component
@ConditionalOnProperty(name = "sparkfeed.stats.scheduled-flush", havingValue = "true", matchIfMissing = true)
class PostStatsFlushing {

    private final PostStats stats;

    PostStatsFlushing(PostStats stats) {
        this.stats = stats;
    }

    @Scheduled(fixedDelayString = "${sparkfeed.stats.flush-interval:5s}")
    void flush() {
        stats.flush();
    }
}
