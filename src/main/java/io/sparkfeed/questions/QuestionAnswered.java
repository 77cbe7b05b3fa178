package io.sparkfeed.questions;

import java.util.UUID;

/** Someone answered a question; its asker is told. {@code eventId} names this occurrence. */
public record QuestionAnswered(UUID eventId, long answerId, long questionId, long answererId, long askerId) {}
