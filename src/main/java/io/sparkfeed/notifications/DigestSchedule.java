package io.sparkfeed.notifications;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the daily digests at {@code sparkfeed.notifications.digest-cron} (07:00 UTC by default), on one instance of
 * a cluster at a time (ShedLock {@code notification-digest}). Switched off with
 * {@code sparkfeed.notifications.scheduled-digest=false} (the tests do, and send digests when they mean to).
 */
@Component
@ConditionalOnProperty(name = "sparkfeed.notifications.scheduled-digest", havingValue = "true", matchIfMissing = true)
class DigestSchedule {

    private final NotificationDigests digests;

    DigestSchedule(NotificationDigests digests) {
        this.digests = digests;
    }

    @Scheduled(cron = "${sparkfeed.notifications.digest-cron:0 0 7 * * *}", zone = "UTC")
    @SchedulerLock(name = "notification-digest", lockAtMostFor = "2h", lockAtLeastFor = "1m")
    void send() {
        digests.sendDue();
    }
}
