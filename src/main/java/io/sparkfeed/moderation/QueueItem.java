package io.sparkfeed.moderation;

import java.time.Instant;
import java.util.List;

/**
 * One reported item in the admins' queue with its open reports summed up. {@code subject} is null when the item
 * is gone (its author deleted it); {@code authorHandle} still names its author when the reports know it, so that
 * the author can still be suspended.
 */
public record QueueItem(
        ReportTarget target,
        long targetId,
        int reporters,
        Instant firstReportedAt,
        List<ReportReason> reasons,
        List<String> details,
        ReportSubject subject,
        String authorHandle,
        boolean contentHidden,
        boolean authorSuspended) {}
