package io.sparkfeed.accounts;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code sparkfeed.accounts.deletion-interval} (10 min), on one instance of a cluster at a time (ShedLock; each
 * account is also claimed with {@code FOR UPDATE SKIP LOCKED}), deletes the accounts whose grace period is over.
 * Switched off with {@code sparkfeed.accounts.scheduled-deletions=false} (the tests do, and run it when they mean to).
 */
@Component
@ConditionalOnProperty(name = "sparkfeed.accounts.scheduled-deletions", havingValue = "true", matchIfMissing = true)
class AccountDeletionJobs {

    private final AccountDeletions deletions;

    AccountDeletionJobs(AccountDeletions deletions) {
        this.deletions = deletions;
    }

    @Scheduled(fixedDelayString = "${sparkfeed.accounts.deletion-interval:10m}", initialDelayString = "1m")
    @SchedulerLock(name = "account-deletions", lockAtMostFor = "1h")
    void run() {
        deletions.deleteDue();
    }
}
