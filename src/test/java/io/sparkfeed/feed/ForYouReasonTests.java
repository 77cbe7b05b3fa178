package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Follows;
import io.sparkfeed.accounts.Interests;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each For you card says why it is there (a followed author, one of the viewer's interests, or popular with people
 * who chose that interest), within the page's statement budget; the front page's For you and Latest tabs are
 * remembered per account.
 */
class ForYouReasonTests extends IntegrationTest {

    @Autowired
    Interests interests;

    @Autowired
    Follows follows;

    @Autowired
    Reactions reactions;

    private static String why(Document page, long postId) {
        return page.select("#post-" + postId + " .why-line").text();
    }

    @Test
    void eachForYouCardSaysWhichSourceBroughtIt() throws Exception {
        var viewer = fixtures.primeMember();
        var followed = fixtures.primeMember();
        var stranger = fixtures.primeMember();
        // travel (12) and music (13) among the viewer's interests; photography (17) not
        interests.choose(viewer.id(), List.of(10, 11, 12, 13, 14), false);
        follows.follow(viewer.id(), followed.id());
        long byFollowed = fixtures.postIn(17, followed, "followed, not my interest");
        long followedInInterest = fixtures.postIn(12, followed, "followed and travel");
        long inTravel = fixtures.postIn(12, stranger, "a stranger's trip");
        long popular = fixtures.postIn(13, stranger, "a stranger's record");
        for (int i = 0; i < 3; i++) {
            TestAccount fan = fixtures.primeMember();
            interests.choose(fan.id(), List.of(13, 1, 2, 3, 4), false);
            reactions.smile(fan.id(), popular);
        }
        // smiles from people without the interest do not make it popular with them
        for (int i = 0; i < 3; i++) {
            reactions.smile(fixtures.primeMember().id(), inTravel);
        }

        Document page = page(get("/").param("size", "50").with(viewer.login()));
        String name = jdbc.sql("select display_name from accounts where id = ?")
                .param(followed.id())
                .query(String.class)
                .single();
        assertThat(why(page, byFollowed)).isEqualTo("You follow " + name);
        assertThat(why(page, followedInInterest)).isEqualTo("You follow " + name);
        assertThat(why(page, inTravel)).isEqualTo("In your interest Travel");
        assertThat(why(page, popular)).isEqualTo("Popular with people who like Music");
        assertThat(statements(get("/").param("size", "50").with(viewer.login())))
                .isBetween(1, 4);

        // other lists carry no reasons
        Document latest = page(get("/").param("feed", "everyone").with(viewer.login()));
        assertThat(latest.select(".why-line")).isEmpty();
        Document profile = page(get("/@" + stranger.handle()).with(viewer.login()));
        assertThat(profile.select(".why-line")).isEmpty();
    }

    @Test
    void theFrontPageTabIsRememberedPerAccount() throws Exception {
        var viewer = fixtures.primeMember();
        var other = fixtures.primeMember();
        var stranger = fixtures.primeMember();
        interests.choose(viewer.id(), List.of(10, 11, 12, 13, 14), false);
        interests.choose(other.id(), List.of(10, 11, 12, 13, 14), false);
        long elsewhere = fixtures.postIn(18, stranger, "not in anyone's For you here");

        Document forYou = page(get("/").with(viewer.login()));
        assertThat(forYou.select(".feed-tabs .active").text()).isEqualTo("For you");
        assertThat(forYou.select("#post-" + elsewhere)).isEmpty();

        // choosing needs the form's CSRF token
        mvc.perform(post("/home-feed").param("feed", "latest").with(viewer.login()))
                .andExpect(status().isForbidden());
        assertThat(page(get("/").with(viewer.login()))
                        .select(".feed-tabs .active")
                        .text())
                .isEqualTo("For you");

        mvc.perform(post("/home-feed")
                        .param("feed", "latest")
                        .with(viewer.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
        Document latest = page(get("/").with(viewer.login()));
        assertThat(latest.select(".feed-tabs .active").text()).isEqualTo("Latest");
        assertThat(latest.select("#post-" + elsewhere)).hasSize(1);
        assertThat(latest.select(".why-line")).isEmpty();
        // only for this account
        assertThat(page(get("/").with(other.login()))
                        .select(".feed-tabs .active")
                        .text())
                .isEqualTo("For you");
        // a look at For you through the address does not change the choice
        assertThat(page(get("/").param("feed", "for-you").with(viewer.login()))
                        .select(".feed-tabs .active")
                        .text())
                .isEqualTo("For you");
        assertThat(page(get("/").with(viewer.login()))
                        .select(".feed-tabs .active")
                        .text())
                .isEqualTo("Latest");

        mvc.perform(post("/home-feed")
                        .param("feed", "for-you")
                        .with(viewer.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
        assertThat(page(get("/").with(viewer.login()))
                        .select(".feed-tabs .active")
                        .text())
                .isEqualTo("For you");
        // visitors have no tabs and cannot choose
        assertThat(page(get("/")).select(".feed-tabs")).isEmpty();
        mvc.perform(post("/home-feed").param("feed", "latest").with(csrf())).andExpect(status().is3xxRedirection());
    }
}
