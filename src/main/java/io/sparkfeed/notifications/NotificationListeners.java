package io.sparkfeed.notifications;

import io.sparkfeed.accounts.AccountFollowed;
import io.sparkfeed.posts.CommentAdded;
import io.sparkfeed.posts.PostSmiled;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.shop.OrderPlaced;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns what happened into notifications, asynchronously and after the action committed. */
@Component
class NotificationListeners {

    private final Notifications notifications;
    private final Posts posts;

    NotificationListeners(Notifications notifications, Posts posts) {
        this.notifications = notifications;
        this.posts = posts;
    }

    /** The author hears that someone bought from their post: never who, never what or how much. */
    @ApplicationModuleListener
    void on(OrderPlaced event) {
        for (long postId : event.creditedPostIds()) {
            long author = posts.authorOf(postId);
            if (author != event.buyerId()) {
                notifications.notify(author, "PURCHASE", null, postId);
            }
        }
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
