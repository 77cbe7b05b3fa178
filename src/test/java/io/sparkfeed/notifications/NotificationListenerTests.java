package io.sparkfeed.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.shop.Checkout;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.shop.Purchase;
import io.sparkfeed.shop.ShippingAddress;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notification listeners run after the event's transaction has committed, on another thread: by then the post may
 * be gone. They must complete anyway, or the event publication stays incomplete and fails again on every restart.
 */
class NotificationListenerTests extends IntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    Reactions reactions;

    @Autowired
    Orders orders;

    @Autowired
    TransactionTemplate transactions;

    /** Publications not completed yet whose event carries this JSON (each test looks at its own events only). */
    private long outstanding(String json) {
        return jdbc.sql("""
                        select count(*) from event_publication
                        where completion_date is null and cast(serialized_event as jsonb) @> cast(? as jsonb)""").param(json).query(Long.class).single();
    }

    private long notificationsAbout(long postId) {
        return jdbc.sql("select count(*) from notifications where post_id = ?")
                .param(postId)
                .query(Long.class)
                .single();
    }

    @Test
    void aSmileAndACommentOnAPostDeletedBeforeTheirListenersRanCompleteWithoutANotification() {
        var author = fixtures.primeMember();
        var fan = fixtures.primeMember();
        long post = fixtures.post(author, "gone in a moment " + author.handle());
        // one transaction: the events are handed to their listeners when it commits, and the post is gone by then
        transactions.executeWithoutResult(status -> {
            reactions.smile(fan.id(), post);
            reactions.comment(fan.id(), post, "Nice!");
            posts.delete(author.id(), post);
        });

        // (no check that the publications were written first: the listeners may already be done; without the fix
        // they never complete, so the wait below fails)
        await().atMost(Duration.ofSeconds(10)).until(() -> outstanding("{\"postId\": " + post + "}") == 0);
        assertThat(notificationsAbout(post)).isZero();
    }

    @Test
    void aPurchaseFromAPostDeletedBeforeItsListenerRanCompletesWithoutANotification() {
        var author = fixtures.primeMember();
        var buyer = fixtures.person();
        long product = fixtures.product(0);
        long post = fixtures.post(author, "bought then deleted " + author.handle(), product);
        transactions.executeWithoutResult(status -> {
            orders.place(
                    buyer.id(),
                    List.of(new Purchase(product, 1, post)),
                    new Checkout(
                            new ShippingAddress(
                                    "Ada Buyer", "1 Test Lane", "", "Springfield", "12345", "United States"),
                            "invoice",
                            UUID.randomUUID().toString()));
            posts.delete(author.id(), post);
        });

        String credited = "{\"creditedPostIds\": [" + post + "]}";
        await().atMost(Duration.ofSeconds(10)).until(() -> outstanding(credited) == 0);
        assertThat(notificationsAbout(post)).isZero();
    }
}
