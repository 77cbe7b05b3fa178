package io.sparkfeed.moderation;

import java.time.Instant;

/** One of the reports an account filed, as it sees it: open, or handled with its outcome. */
public record MyReport(
        long id,
        ReportTarget target,
        long targetId,
        ReportReason reason,
        Instant createdAt,
        ReportOutcome outcome,
        Instant handledAt) {

    public boolean open() {
        return outcome == null;
    }
}
