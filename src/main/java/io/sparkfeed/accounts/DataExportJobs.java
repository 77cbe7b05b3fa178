package io.sparkfeed.accounts;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code sparkfeed.accounts.export-interval} (10 s), on one instance of a cluster at a time (ShedLock), builds
 * the data exports that wait and deletes the ones past their seven days. Switched off with
 * {@code sparkfeed.accounts.scheduled-exports=false} (the tests do, and build when they mean to).
 */
@Component
@ConditionalOnProperty(name = "sparkfeed.accounts.scheduled-exports", havingValue = "true", matchIfMissing = true)
class DataExportJobs {

    private final DataExports exports;

    DataExportJobs(DataExports exports) {
        this.exports = exports;
    }

    @Scheduled(fixedDelayString = "${sparkfeed.accounts.export-interval:10s}", initialDelayString = "20s")
    @SchedulerLock(name = "data-exports", lockAtMostFor = "30m")
    void run() {
        exports.buildPending();
        exports.expire();
    }
}
