package io.sparkfeed.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Follows;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Repeated smiles and follows notify once a day (issue 10, point 6); reading notifications marks nothing. */
class NotificationRepeatTests extends IntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    Reactions reactions;

    @Autowired
    Follows follows;

    @Autowired
    Notifications notifications;

    private long notified(long recipientId, String kind) {
        return jdbc.sql("select count(*) from notifications where recipient_id = ? and kind = ?")
                .params(recipientId, kind)
                .query(Long.class)
                .single();
    }

    /** Waits until no event about this account is left for a listener. */
    private void settled(long authorId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("""
                        select count(*) from event_publication where completion_date is null
                        and (cast(serialized_event as jsonb) @> cast(? as jsonb)
                             or cast(serialized_event as jsonb) @> cast(? as jsonb))""")
                                .params("{\"postAuthorId\": " + authorId + "}", "{\"followedId\": " + authorId + "}")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void unsmilingAndSmilingAgainWithinADayDoesNotNotifyAgain() {
        TestAccount author = fixtures.primeMember();
        TestAccount fan = fixtures.primeMember();
        long postId = fixtures.post(author, "smile at me");
        for (int i = 0; i < 5; i++) {
            reactions.smile(fan.id(), postId);
            reactions.unsmile(fan.id(), postId);
        }
        reactions.smile(fan.id(), postId);
        settled(author.id());
        assertThat(notified(author.id(), "SMILE")).isEqualTo(1);

        // another fan is news; the same fan a day later is too
        reactions.smile(fixtures.primeMember().id(), postId);
        clock.pin(Instant.now().plus(Duration.ofHours(25)));
        reactions.unsmile(fan.id(), postId);
        reactions.smile(fan.id(), postId);
        settled(author.id());
        assertThat(notified(author.id(), "SMILE")).isEqualTo(3);
    }

    @Test
    void unfollowingAndFollowingAgainWithinADayDoesNotNotifyAgain() {
        TestAccount star = fixtures.person();
        TestAccount fan = fixtures.primeMember();
        for (int i = 0; i < 5; i++) {
            follows.follow(fan.id(), star.id());
            follows.unfollow(fan.id(), star.id());
        }
        follows.follow(fan.id(), star.id());
        settled(star.id());
        assertThat(notified(star.id(), "FOLLOW")).isEqualTo(1);
    }

    @Test
    void openingTheListMarksNothingItsButtonMarksWhatItShowed() throws Exception {
        TestAccount author = fixtures.primeMember();
        long postId = fixtures.post(author, "comment on me");
        notifications.notify(
                UUID.randomUUID(),
                author.id(),
                "COMMENT",
                fixtures.primeMember().id(),
                postId);
        notifications.notify(
                UUID.randomUUID(),
                author.id(),
                "COMMENT",
                fixtures.primeMember().id(),
                postId);
        mvc.perform(get("/notifications").with(author.login()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Mark all as read")));
        long newest = jdbc.sql("select max(id) from notifications where recipient_id = ?")
                .param(author.id())
                .query(Long.class)
                .single();
        assertThat(notifications.unread(author.id())).isEqualTo(2);

        // one more arrives after the page was opened: the button leaves it unread
        notifications.notify(
                UUID.randomUUID(),
                author.id(),
                "COMMENT",
                fixtures.primeMember().id(),
                postId);
        mvc.perform(post("/notifications/read")
                        .param("upTo", Long.toString(newest))
                        .with(author.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(notifications.unread(author.id())).isEqualTo(1);
        // a GET cannot mark anything, and a hostile upTo changes nothing
        mvc.perform(post("/notifications/read")
                        .param("upTo", "1E999999999")
                        .with(author.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(notifications.unread(author.id())).isEqualTo(1);
    }
}
