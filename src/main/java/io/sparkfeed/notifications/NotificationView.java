package io.sparkfeed.notifications;

import java.time.Instant;

/** A notification as the list shows it. The actor is null for a purchase: who bought what stays private. */
public record NotificationView(long id, String kind, String actorHandle, String actorName, Long postId,
        Instant createdAt, boolean unread) {

    public String messageKey() {
        return "notification." + kind.toLowerCase(java.util.Locale.ROOT);
    }
}
