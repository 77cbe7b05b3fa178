package io.sparkfeed.moderation;

/** An admin approved or declined an application to the enthusiast program; the applicant is told, with the reason. */
public record EnthusiastApplicationDecided(long applicationId, long accountId, boolean approved, String reason) {}
