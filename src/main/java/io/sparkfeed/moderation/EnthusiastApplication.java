package io.sparkfeed.moderation;

import java.time.Instant;

/** An application to the enthusiast program, with the admin's decision once there is one. */
public record EnthusiastApplication(
        long id,
        long accountId,
        String handle,
        String displayName,
        String pitch,
        String interests,
        String links,
        String status,
        String decisionReason,
        Instant createdAt,
        Instant decidedAt) {

    public boolean pending() {
        return "PENDING".equals(status);
    }

    public boolean approved() {
        return "APPROVED".equals(status);
    }

    public boolean declined() {
        return "DECLINED".equals(status);
    }
}
