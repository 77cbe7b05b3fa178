package io.sparkfeed.notifications;

import java.time.Instant;
import java.util.Locale;

/**
 * A notification as the list shows it. The actor is null for a purchase (who bought what stays private) and for
 * a moderation decision, which carries its reason instead.
 */
public record NotificationView(
        long id,
        String kind,
        String actorHandle,
        String actorName,
        Long postId,
        Instant createdAt,
        boolean unread,
        String reason,
        Long productId) {

    public String messageKey() {
        return "notification." + kind.toLowerCase(Locale.ROOT);
    }

    /** A decision on an application to the enthusiast program: it links to where the applicant sees it. */
    public boolean enthusiastDecision() {
        return kind.startsWith("ENTHUSIAST_");
    }
}
