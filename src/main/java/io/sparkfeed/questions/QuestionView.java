package io.sparkfeed.questions;

import java.time.Instant;
import java.util.List;

/**
 * A question with its first answers ({@link Questions#ANSWERS_SHOWN} at most, oldest first); {@code postId} is the
 * post it was asked on, or null when asked on the product's page. A hidden one (taken down) is shown only to its
 * author and to admins, with the moderators' reason.
 */
public record QuestionView(
        long id,
        long productId,
        Long postId,
        long authorId,
        String authorHandle,
        String authorName,
        String body,
        Instant at,
        boolean hidden,
        String hiddenReason,
        List<AnswerView> answers) {}
