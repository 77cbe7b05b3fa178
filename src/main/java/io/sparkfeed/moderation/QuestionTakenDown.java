package io.sparkfeed.moderation;

import java.util.UUID;

/**
 * An admin hid a question about a product; its author is told why. {@code eventId} names this occurrence: its
 * listeners act on it once.
 */
public record QuestionTakenDown(UUID eventId, long questionId, long authorId, String reason) {}
