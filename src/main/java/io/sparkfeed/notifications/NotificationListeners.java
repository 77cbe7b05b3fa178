package io.sparkfeed.notifications;

import io.sparkfeed.accounts.AccountFollowed;
import io.sparkfeed.posts.CommentAdded;
import io.sparkfeed.posts.PostSmiled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns what happened into notifications, asynchronously and after the action committed. */
@Component
class NotificationListeners {

    private final Notifications notifications;

    NotificationListeners(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(PostSmiled event) {
        notifications.notify(event.postAuthorId(), "SMILE", event.byAccountId(), event.postId());
    }

    @ApplicationModuleListener
    void on(CommentAdded event) {
        notifications.notify(event.postAuthorId(), "COMMENT", event.byAccountId(), event.postId());
    }

    @ApplicationModuleListener
    void on(AccountFollowed event) {
        notifications.notify(event.followedId(), "FOLLOW", event.followerId(), null);
    }
}
