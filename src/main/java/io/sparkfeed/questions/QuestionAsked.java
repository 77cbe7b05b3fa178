package io.sparkfeed.questions;

import java.util.List;
import java.util.UUID;

/**
 * Someone asked about a product; {@code posterIds} are the people who posted it (the newest
 * {@link Questions#POSTERS_TOLD} of them), who are told. {@code eventId} names this occurrence.
 */
public record QuestionAsked(UUID eventId, long questionId, long productId, long askerId, List<Long> posterIds) {}
