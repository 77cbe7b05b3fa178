package io.sparkfeed.moderation;

import java.util.UUID;

/** An admin approved or declined an application to the enthusiast program; the applicant is told, with the reason. {@code eventId} names this occurrence: its listeners act on it once. */
public record EnthusiastApplicationDecided(
        UUID eventId, long applicationId, long accountId, boolean approved, String reason) {}
