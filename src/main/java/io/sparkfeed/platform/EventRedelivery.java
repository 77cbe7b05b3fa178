package io.sparkfeed.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * Delivers again the events whose listener did not complete, on one instance of a cluster at a time. Spring
 * Modulith's republishing at start-up is off ({@code spring.modulith.events.republish-outstanding-events-on-restart}):
 * with several instances, each start would deliver again every event another instance is still handling.
 *
 * <p>Spring Modulith 2.1 resubmits only publications in the FAILED state ({@link FailedEventPublications}); a
 * publication whose instance stopped before the listener finished stays PUBLISHED, PROCESSING or RESUBMITTED for
 * ever. So a publication that has not completed {@code sparkfeed.events.redeliver-after} after it was published or
 * last resubmitted is marked FAILED first, then the oldest FAILED ones (a batch) are resubmitted. A listener that
 * threw is FAILED at once and tried again at the next run: 2.1.1's JDBC repository ignores the minimum age for
 * FAILED publications. Resubmitting claims each row atomically (its status becomes RESUBMITTED only if it was not
 * already), so two runs never hand one publication to two listeners at once; a listener that was only slow may
 * still run a second time, which is why every listener is keyed on its event's identity.
 */
@Service
public class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final JdbcClient jdbc;
    private final FailedEventPublications failed;
    private final Clock clock;
    private final Duration after;
    private final int batch;

    EventRedelivery(
            JdbcClient jdbc,
            FailedEventPublications failed,
            Clock clock,
            @Value("${sparkfeed.events.redeliver-after:5m}") Duration after,
            @Value("${sparkfeed.events.redelivery-batch:100}") int batch) {
        this.jdbc = jdbc;
        this.failed = failed;
        this.clock = clock;
        this.after = after;
        this.batch = batch;
    }

    /**
     * Marks the publications that stalled failed and resubmits the failed ones older than the threshold (at most a
     * batch); their listeners run on the task executor, as they did the first time.
     *
     * @return how many stalled publications were marked failed
     */
    public int redeliver() {
        Instant cutoff = clock.instant().minus(after);
        // last_resubmission_date is the publication date until the first resubmission
        int stalled = jdbc.sql("""
                        update event_publication set status = 'FAILED'
                        where completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                          and last_resubmission_date < ?""").param(Timestamp.from(cutoff)).update();
        if (stalled > 0) {
            log.info("{} event publications did not complete within {}: delivering them again", stalled, after);
        }
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(after)
                .withBatchSize(batch)
                .withMaxInFlight(batch));
        return stalled;
    }

    /** The schedule: every {@code sparkfeed.events.redelivery-interval}, on one instance at a time (ShedLock). */
    @Component
    @ConditionalOnProperty(name = "sparkfeed.events.scheduled-redelivery", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final EventRedelivery redelivery;

        Schedule(EventRedelivery redelivery) {
            this.redelivery = redelivery;
        }

        @Scheduled(fixedDelayString = "${sparkfeed.events.redelivery-interval:1m}", initialDelayString = "1m")
        @SchedulerLock(name = "event-redelivery", lockAtMostFor = "10m", lockAtLeastFor = "30s")
        void redeliver() {
            redelivery.redeliver();
        }
    }
}
