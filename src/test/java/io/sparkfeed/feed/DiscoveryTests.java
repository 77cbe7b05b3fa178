package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Follows;
import io.sparkfeed.accounts.Interests;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.StatementCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Interests, follows and the personal feeds built from them. */
class DiscoveryTests extends IntegrationTest {

    @Autowired
    Interests interests;

    @Autowired
    Follows follows;

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static List<Long> postIds(Document d) {
        return d.select("article.post-card").stream().map(e -> Long.parseLong(e.id().substring(5))).toList();
    }

    @Test
    void onboardingNeedsFiveInterestsBeforeTheForYouFeed() throws Exception {
        var person = fixtures.person();
        Document before = page(get("/").with(person.login()));
        assertThat(before.select(".onboarding").text()).contains("Pick a few interests");
        assertThat(before.select(".feed-tabs a.active").text()).isEqualTo("Everyone");

        mvc.perform(post("/me/interests").param("interests", "1", "2", "3", "4").param("welcome", "true")
                        .with(person.login()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Pick at least five interests.")));
        assertThat(interests.of(person.id())).isEmpty();

        mvc.perform(post("/me/interests").param("interests", "1", "2", "3", "4", "5").param("hidePurchased", "true")
                        .param("welcome", "true").with(person.login()).with(csrf()))
                .andExpect(redirectedUrl("/"));
        Document after = page(get("/").with(person.login()));
        assertThat(after.select(".feed-tabs a.active").text()).isEqualTo("For you");
        assertThat(after.select(".onboarding")).isEmpty();
    }

    @Test
    void forYouShowsFollowedAccountsAndInterestsOnly() throws Exception {
        var viewer = fixtures.primeMember();
        var followed = fixtures.primeMember();
        var stranger = fixtures.primeMember();
        interests.choose(viewer.id(), List.of(5, 6, 7, 8, 9), true);
        long byFollowed = fixtures.postIn(14, followed, "art by someone I follow");
        long inInterest = fixtures.postIn(5, stranger, "tech by a stranger");
        long elsewhere = fixtures.postIn(14, stranger, "art by a stranger");
        follows.follow(viewer.id(), followed.id());

        List<Long> forYou = postIds(page(get("/").param("size", "50").with(viewer.login())));
        assertThat(forYou).contains(byFollowed, inInterest).doesNotContain(elsewhere);
        List<Long> following = postIds(page(get("/following").with(viewer.login())));
        assertThat(following).contains(byFollowed).doesNotContain(inInterest, elsewhere);
        List<Long> everyone = postIds(page(get("/").param("feed", "everyone").param("size", "50").with(viewer.login())));
        assertThat(everyone).contains(byFollowed, inInterest, elsewhere);
    }

    @Test
    void personalFeedsCostAtMostFourStatements() throws Exception {
        var viewer = fixtures.primeMember();
        interests.choose(viewer.id(), List.of(1, 2, 3, 4, 5), true);
        follows.follow(viewer.id(), fixtures.primeMember().id());
        for (String path : new String[] {"/", "/following", "/interests/home", "/tags/coffee"}) {
            for (int size : new int[] {5, 20, 50}) {
                StatementCounter.reset();
                mvc.perform(get(path).param("size", String.valueOf(size)).with(viewer.login())).andExpect(status().isOk());
                assertThat(StatementCounter.count()).as(path + " size " + size).isLessThanOrEqualTo(4);
            }
        }
    }

    @Test
    void followingIsForPrimeMembersOncePerPairAndShowsOnTheProfile() throws Exception {
        var fan = fixtures.primeMember();
        var star = fixtures.enthusiast();
        var nonMember = fixtures.person();
        mvc.perform(post("/@" + star.handle() + "/follow").with(nonMember.login()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/@" + star.handle() + "/follow").with(csrf())).andExpect(redirectedUrl("/login"));

        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> follows.follow(fan.id(), star.id()));
            }
            for (var f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from follows where follower_id = ? and followed_id = ?")
                .params(fan.id(), star.id()).query(Long.class).single()).isEqualTo(1);

        Document profile = page(get("/@" + star.handle()).with(fan.login()));
        assertThat(profile.select(".follow-counts").text()).contains("1 follower");
        assertThat(profile.select(".follow button").text()).isEqualTo("Following");
        mvc.perform(post("/@" + star.handle() + "/unfollow").header("HX-Request", "true").with(fan.login()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">Follow<")));
        assertThat(page(get("/@" + star.handle() + "/followers")).select(".account-list li")).isEmpty();
        mvc.perform(post("/@" + fan.handle() + "/follow").with(fan.login()).with(csrf()))
                .andExpect(redirectedUrl("/@" + fan.handle()));
    }

    @Test
    void interestAndHashtagPagesListTheirPosts() throws Exception {
        var author = fixtures.primeMember();
        long post = fixtures.postIn(13, author, "new record #vinyl");
        assertThat(postIds(page(get("/interests/music")))).contains(post);
        assertThat(postIds(page(get("/tags/vinyl")))).containsExactly(post);
        assertThat(page(get("/post-does-not-matter".replace("post-does-not-matter", "interests"))).select(".chip"))
                .hasSize(20);
        mvc.perform(get("/interests/no-such-interest")).andExpect(status().isNotFound());
        mvc.perform(get("/posts/" + post)).andExpect(content().string(Matchers.containsString("href=\"/tags/vinyl\"")));
    }
}
