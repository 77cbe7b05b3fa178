package io.sparkfeed.notifications;

import io.sparkfeed.accounts.AccountFollowed;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductBackInStock;
import io.sparkfeed.catalog.ProductPriceChanged;
import io.sparkfeed.moderation.CommentTakenDown;
import io.sparkfeed.moderation.EnthusiastApplicationDecided;
import io.sparkfeed.moderation.PostTakenDown;
import io.sparkfeed.platform.PublicUrl;
import io.sparkfeed.posts.CommentAdded;
import io.sparkfeed.posts.PostSmiled;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.shop.OrderExpired;
import io.sparkfeed.shop.OrderPlaced;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened into notifications, asynchronously and after the action committed. Each listener may run
 * more than once for one event (a publication resubmitted after its instance stopped before recording the
 * completion): every notification is keyed on the event's {@code eventId}, so a second delivery adds nothing.
 */
@Component
class NotificationListeners {

    private final Notifications notifications;
    private final Posts posts;
    private final Catalog catalog;
    private final PublicUrl publicUrl;

    NotificationListeners(Notifications notifications, Posts posts, Catalog catalog, PublicUrl publicUrl) {
        this.notifications = notifications;
        this.posts = posts;
        this.catalog = catalog;
        this.publicUrl = publicUrl;
    }

    /** Those who saved a product hear that it dropped by at least their threshold (and not if they bought it). */
    @ApplicationModuleListener
    void on(ProductPriceChanged event) {
        int drop = event.dropPercent();
        if (drop > 0) {
            String title = catalog.get(event.productId()).title();
            notifications.tellWatchers(
                    event.eventId(), Notifications.PRICE_DROP, event.productId(), drop, title, publicUrl.base());
        }
    }

    /** Those who saved a sold-out product hear that it is back (and not if they bought it). */
    @ApplicationModuleListener
    void on(ProductBackInStock event) {
        String title = catalog.get(event.productId()).title();
        notifications.tellWatchers(
                event.eventId(), Notifications.BACK_IN_STOCK, event.productId(), -1, title, publicUrl.base());
    }

    /** The author hears that someone bought from their post: never who, never what or how much. */
    @ApplicationModuleListener
    void on(OrderPlaced event) {
        for (long postId : event.creditedPostIds()) {
            // a post deleted since the order has nobody to tell (and nothing to retry)
            posts.findAuthor(postId)
                    .filter(author -> author != event.buyerId())
                    .ifPresent(author -> notifications.notify(event.eventId(), author, "PURCHASE", null, postId));
        }
    }

    /** The buyer hears that an order left unpaid expired and its items went back on sale. */
    @ApplicationModuleListener
    void on(OrderExpired event) {
        notifications.notify(event.eventId(), event.buyerId(), "ORDER_EXPIRED", null, null);
    }

    @ApplicationModuleListener
    void on(PostSmiled event) {
        notifications.notify(event.eventId(), event.postAuthorId(), "SMILE", event.byAccountId(), event.postId());
    }

    @ApplicationModuleListener
    void on(CommentAdded event) {
        notifications.notify(event.eventId(), event.postAuthorId(), "COMMENT", event.byAccountId(), event.postId());
    }

    @ApplicationModuleListener
    void on(AccountFollowed event) {
        notifications.notify(event.eventId(), event.followedId(), "FOLLOW", event.followerId(), null);
    }

    /** The author of a hidden post hears why; the post stays open to them, marked removed. */
    @ApplicationModuleListener
    void on(PostTakenDown event) {
        notifications.notify(event.eventId(), event.authorId(), "POST_HIDDEN", null, event.postId(), event.reason());
    }

    @ApplicationModuleListener
    void on(CommentTakenDown event) {
        notifications.notify(event.eventId(), event.authorId(), "COMMENT_HIDDEN", null, event.postId(), event.reason());
    }

    @ApplicationModuleListener
    void on(EnthusiastApplicationDecided event) {
        notifications.notify(
                event.eventId(),
                event.accountId(),
                event.approved() ? "ENTHUSIAST_APPROVED" : "ENTHUSIAST_DECLINED",
                null,
                null,
                event.reason());
    }
}
