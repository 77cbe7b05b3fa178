package io.sparkfeed.shop;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for expired unpaid orders every {@code sparkfeed.shop.release-interval}, on one instance of a cluster at a
 * time (ShedLock). Switched off with
 * {@code sparkfeed.shop.scheduled-release=false} (the tests do, and release when they mean to).
 */
@Component
@ConditionalOnProperty(name = "sparkfeed.shop.scheduled-release", havingValue = "true", matchIfMissing = true)
class UnpaidOrderReleasing {

    private final UnpaidOrderRelease release;

    UnpaidOrderReleasing(UnpaidOrderRelease release) {
        this.release = release;
    }

    @Scheduled(fixedDelayString = "${sparkfeed.shop.release-interval:1h}", initialDelayString = "1m")
    @SchedulerLock(name = "unpaid-order-release", lockAtMostFor = "30m", lockAtLeastFor = "1m")
    void release() {
        release.releaseExpired();
    }
}
