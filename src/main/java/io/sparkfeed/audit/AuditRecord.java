package io.sparkfeed.audit;

import java.time.Instant;

/** One audit entry as the admin pages show it, with the actor's handle. */
public record AuditRecord(
        long id,
        Instant createdAt,
        long actorId,
        String actorHandle,
        String action,
        String targetType,
        long targetId,
        String reason,
        String details) {}
