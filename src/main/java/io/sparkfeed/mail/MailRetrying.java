package io.sparkfeed.mail;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code sparkfeed.mail.retry-interval}, on one instance of a cluster at a time (ShedLock), sends the mails
 * that are due again and forgets those delivered more than 30 days ago. Switched off with
 * {@code sparkfeed.mail.scheduled-retry=false} (the tests do, and retry when they mean to).
 */
@Component
@ConditionalOnProperty(name = "sparkfeed.mail.scheduled-retry", havingValue = "true", matchIfMissing = true)
class MailRetrying {

    static final int KEEP_DAYS = 30;

    private final MailDelivery delivery;

    MailRetrying(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(fixedDelayString = "${sparkfeed.mail.retry-interval:1m}", initialDelayString = "30s")
    @SchedulerLock(name = "mail-retry", lockAtMostFor = "10m")
    void retry() {
        delivery.deliverDue();
        delivery.forgetDelivered(KEEP_DAYS);
    }
}
