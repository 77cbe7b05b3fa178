package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.Follows;
import io.sparkfeed.accounts.Interests;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.SessionCookie;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Interests, follows and the personal feeds built from them. */
class DiscoveryTests extends IntegrationTest {

    @Autowired
    Interests interests;

    @Autowired
    Follows follows;

    @Autowired
    Accounts accounts;

    @Autowired
    Orders orders;

    private static List<Long> postIds(Document d) {
        return d.select("article.post-card").stream()
                .map(e -> Long.parseLong(e.id().substring(5)))
                .toList();
    }

    @Test
    void onboardingNeedsFiveInterestsBeforeTheForYouFeed() throws Exception {
        var person = fixtures.person();
        Document before = page(get("/").with(person.login()));
        assertThat(before.select(".onboarding").text()).contains("Pick a few interests");
        assertThat(before.select(".feed-tabs .active").text()).isEqualTo("Latest");

        mvc.perform(post("/me/interests")
                        .param("interests", "1", "2", "3", "4")
                        .param("welcome", "true")
                        .with(person.login())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Pick at least five interests.")));
        assertThat(interests.of(person.id())).isEmpty();

        mvc.perform(post("/me/interests")
                        .param("interests", "1", "2", "3", "4", "5")
                        .param("hidePurchased", "true")
                        .param("welcome", "true")
                        .with(person.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
        Document after = page(get("/").with(person.login()));
        assertThat(after.select(".feed-tabs .active").text()).isEqualTo("For you");
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
        List<Long> everyone = postIds(
                page(get("/").param("feed", "everyone").param("size", "50").with(viewer.login())));
        assertThat(everyone).contains(byFollowed, inInterest, elsewhere);
    }

    private static String after(Document d) {
        Element more = d.selectFirst(".more a");
        if (more == null) {
            return null;
        }
        Matcher m = Pattern.compile("after=([0-9-]+)").matcher(more.attr("href"));
        return m.find() ? m.group(1) : null;
    }

    private void buy(TestAccount buyer, long product, Long fromPost) {
        fixtures.order(buyer.id(), product, 1, fromPost);
    }

    @Test
    void personalFeedsCostAtMostFourStatementsOnEveryPageAndSize() throws Exception {
        var viewer = fixtures.primeMember();
        var followed = fixtures.primeMember();
        interests.choose(viewer.id(), List.of(1, 2, 3, 4, 5), true);
        follows.follow(viewer.id(), followed.id());
        // the followed account's posts tag products (so the products' cards are loaded), in the viewer's interests
        String tag = "cost" + followed.id();
        for (int i = 0; i < 7; i++) {
            fixtures.postIn(2, followed, "tagged " + i + " #" + tag, fixtures.product(i % 4), fixtures.product(5));
        }
        // and the viewer bought something: For you reads the purchases and leaves out what they own
        buy(viewer, fixtures.product(6), null);

        for (String path : new String[] {"/", "/following", "/interests/home", "/tags/" + tag}) {
            // a cursor past the fifth post: the second page of every size below
            String second = after(page(get(path).param("size", "5").with(viewer.login())));
            assertThat(second).as(path + " has a second page").isNotNull();
            for (int size : new int[] {5, 20, 50}) {
                var first = get(path).param("size", String.valueOf(size)).with(viewer.login());
                Document d = page(first);
                assertThat(d.select("article.post-card")).as(path).isNotEmpty();
                assertThat(d.select("article.post-card .hotspot"))
                        .as(path + " has tagged posts")
                        .isNotEmpty();
                assertThat(statements(first)).as(path + " size " + size).isBetween(1, 4);

                var next = get(path)
                        .param("size", String.valueOf(size))
                        .param("after", second)
                        .with(viewer.login());
                assertThat(page(next).select("article.post-card"))
                        .as(path + " page 2")
                        .isNotEmpty();
                assertThat(statements(next)).as(path + " page 2, size " + size).isBetween(1, 4);
            }
        }
    }

    @Test
    void everyListHonoursItsPageSizeAndCarriesItToTheNextPage() throws Exception {
        var viewer = fixtures.primeMember();
        var followed = fixtures.primeMember();
        interests.choose(viewer.id(), List.of(1, 2, 3, 4, 5), true);
        follows.follow(viewer.id(), followed.id());
        String tag = "size" + followed.id();
        for (int i = 0; i < 4; i++) {
            fixtures.postIn(2, followed, "sized " + i + " #" + tag);
        }
        for (String path : new String[] {
            "/", "/?feed=everyone", "/following", "/interests/home", "/tags/" + tag, "/@" + followed.handle()
        }) {
            Document d = page(get(path).param("size", "3").with(viewer.login()));
            assertThat(d.select("article.post-card")).as(path).hasSize(3);
            Element more = d.selectFirst(".more a");
            assertThat(more).as(path).isNotNull();
            assertThat(more.attr("href")).as(path).contains("size=3");
            assertThat(more.attr("hx-get")).as(path).contains("size=3");
            Document next = page(get(more.attr("href")).with(viewer.login()));
            assertThat(next.select("article.post-card"))
                    .as(path + " page 2")
                    .isNotEmpty()
                    .hasSizeLessThanOrEqualTo(3);

            // bounded like the front page: at least one, at most fifty
            assertThat(page(get(path).param("size", "0").with(viewer.login())).select("article.post-card"))
                    .hasSize(1);
            assertThat(page(get(path).param("size", "1000").with(viewer.login()))
                            .select("article.post-card"))
                    .hasSizeLessThanOrEqualTo(50);
        }
    }

    @Test
    void aProfileReadsItsHeaderInOneStatement() throws Exception {
        var author = fixtures.enthusiast();
        var viewer = fixtures.primeMember();
        for (int i = 0; i < 6; i++) {
            fixtures.post(author, "profile post " + i, fixtures.product(i % 4));
        }
        follows.follow(viewer.id(), author.id());
        buy(viewer, fixtures.product(0), null);
        String second = after(page(get("/@" + author.handle()).param("size", "5")));
        assertThat(second).isNotNull();
        for (int size : new int[] {5, 20, 50}) {
            var visitor = get("/@" + author.handle()).param("size", String.valueOf(size));
            // the profile with its counts, the posts, their products
            assertThat(statements(visitor)).as("visitor, size " + size).isBetween(1, 3);
            assertThat(statements(get("/@" + author.handle())
                            .param("size", String.valueOf(size))
                            .param("after", second)))
                    .as("visitor, page 2, size " + size)
                    .isBetween(1, 3);
            // and for a signed-in viewer: who they are, and what they bought (for "You bought this")
            var member = get("/@" + author.handle())
                    .param("size", String.valueOf(size))
                    .with(viewer.login());
            assertThat(statements(member)).as("member, size " + size).isBetween(1, 5);
        }
        Document profile = page(get("/@" + author.handle()).with(viewer.login()));
        assertThat(profile.select(".follow-counts").text()).contains("1 follower");
        assertThat(profile.select(".profile-head .follow button").text()).isEqualTo("Following");
        assertThat(profile.select(".profile-head .badge-enthusiast")).hasSize(1);
        mvc.perform(get("/@no-such-handle-at-all")).andExpect(status().isNotFound());
        // the handle in any case, as before
        assertThat(page(get("/@" + author.handle().toUpperCase())).select("h1").text())
                .isEqualTo("Test " + author.handle());
    }

    @Test
    void followButtonsHaveOneIdEachAndAnHtmxFollowUpdatesTheProfileCounts() throws Exception {
        var viewer = fixtures.primeMember();
        var author = fixtures.primeMember();
        long older = fixtures.post(author, "first of two");
        long newer = fixtures.post(author, "second of two");
        Document feed = page(get("/").param("feed", "everyone").with(viewer.login()));
        List<String> ids = feed.select(".follow").eachAttr("id");
        assertThat(ids)
                .doesNotHaveDuplicates()
                .contains("follow-post-" + older + "-" + author.id(), "follow-post-" + newer + "-" + author.id());
        Element button = feed.getElementById("follow-post-" + newer + "-" + author.id());
        assertThat(button.selectFirst("form").attr("hx-target")).isEqualTo("#" + button.id());

        // pressed on a card: the same button comes back, and nothing else
        String fromCard = mvc.perform(post("/@" + author.handle() + "/follow")
                        .param("place", "post-" + newer)
                        .header("HX-Request", "true")
                        .with(viewer.login())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document card = Jsoup.parseBodyFragment(fromCard);
        assertThat(card.select(".follow").eachAttr("id")).containsExactly("follow-post-" + newer + "-" + author.id());
        assertThat(card.select("button").text()).isEqualTo("Following");
        assertThat(card.select("[hx-swap-oob]")).isEmpty();

        // pressed on the profile: the button and, out of band, the new follower count
        Document profile = page(get("/@" + author.handle()).with(viewer.login()));
        assertThat(profile.select(".follow-counts").text()).contains("1 follower");
        String fromProfile = mvc.perform(post("/@" + author.handle() + "/unfollow")
                        .param("place", "profile")
                        .header("HX-Request", "true")
                        .with(viewer.login())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document changed = Jsoup.parseBodyFragment(fromProfile);
        assertThat(changed.select(".follow").eachAttr("id")).containsExactly("follow-profile-" + author.id());
        assertThat(changed.select("#follow-profile-" + author.id() + " button").text())
                .isEqualTo("Follow");
        Element counts = changed.getElementById("follow-counts");
        assertThat(counts.attr("hx-swap-oob")).isEqualTo("true");
        assertThat(counts.text()).contains("No followers");
        assertThat(profile.getElementById("follow-counts"))
                .as("the element the counts replace")
                .isNotNull();

        // a made-up place is not echoed into the page
        String odd = mvc.perform(post("/@" + author.handle() + "/follow")
                        .param("place", "x\" onclick=\"alert(1)")
                        .header("HX-Request", "true")
                        .with(viewer.login())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(odd).doesNotContain("alert").contains("follow-profile-" + author.id());
    }

    @Test
    void trialMembersMayFollowButBrandsNonMembersAndSuspendedAccountsMayNot() throws Exception {
        var star = fixtures.enthusiast();
        var trial = fixtures.trialMember();
        mvc.perform(post("/@" + star.handle() + "/follow").with(trial.login()).with(csrf()))
                .andExpect(redirectedUrl("/@" + star.handle()));
        assertThat(followCount(trial, star)).isEqualTo(1);

        var brand = fixtures.brand();
        mvc.perform(post("/@" + star.handle() + "/follow").with(brand.login()).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(followCount(brand, star)).isZero();
        assertThat(page(get("/@" + star.handle()).with(brand.login())).select(".follow button"))
                .isEmpty();

        var nonMember = fixtures.person();
        mvc.perform(post("/@" + star.handle() + "/follow")
                        .with(nonMember.login())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(followCount(nonMember, star)).isZero();
        assertThat(page(get("/@" + star.handle()).with(nonMember.login())).select(".follow button"))
                .isEmpty();

        var suspended = fixtures.primeMember();
        accounts.suspend(suspended.id(), "Spam");
        mvc.perform(post("/@" + star.handle() + "/follow")
                        .with(suspended.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?suspended"));
        assertThatThrownBy(() -> follows.follow(suspended.id(), star.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(followCount(suspended, star)).isZero();

        // following oneself: refused with a message, no row, no button
        var self = mvc.perform(post("/@" + trial.handle() + "/follow")
                        .with(trial.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/@" + trial.handle()))
                .andExpect(flash().attribute("problem", "follow.self"))
                .andReturn();
        assertThat(followCount(trial, trial)).isZero();
        assertThat(page(get("/@" + trial.handle()).with(trial.login())).select(".follow button"))
                .isEmpty();
        assertThat(mvc.perform(get("/@" + trial.handle()).with(trial.login()).with(SessionCookie.of(self)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("You cannot follow yourself.");
    }

    private long followCount(TestAccount follower, TestAccount followed) {
        return count(
                "select count(*) from follows where follower_id = ? and followed_id = ?", follower.id(), followed.id());
    }

    @Test
    void followingIsForPrimeMembersOncePerPairAndShowsOnTheProfile() throws Exception {
        var fan = fixtures.primeMember();
        var star = fixtures.enthusiast();
        var nonMember = fixtures.person();
        mvc.perform(post("/@" + star.handle() + "/follow")
                        .with(nonMember.login())
                        .with(csrf()))
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
        assertThat(count("select count(*) from follows where follower_id = ? and followed_id = ?", fan.id(), star.id()))
                .isEqualTo(1);

        Document profile = page(get("/@" + star.handle()).with(fan.login()));
        assertThat(profile.select(".follow-counts").text()).contains("1 follower");
        assertThat(profile.select(".follow button").text()).isEqualTo("Following");
        mvc.perform(post("/@" + star.handle() + "/unfollow")
                        .header("HX-Request", "true")
                        .with(fan.login())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">Follow<")));
        assertThat(page(get("/@" + star.handle() + "/followers")).select(".account-list li"))
                .isEmpty();
        mvc.perform(post("/@" + fan.handle() + "/follow").with(fan.login()).with(csrf()))
                .andExpect(redirectedUrl("/@" + fan.handle()));
    }

    @Test
    void interestAndHashtagPagesListTheirPosts() throws Exception {
        var author = fixtures.primeMember();
        long post = fixtures.postIn(13, author, "new record #vinyl");
        assertThat(postIds(page(get("/interests/music")))).contains(post);
        assertThat(postIds(page(get("/tags/vinyl")))).containsExactly(post);
        assertThat(page(get("/post-does-not-matter".replace("post-does-not-matter", "interests")))
                        .select(".chip"))
                .hasSize(20);
        mvc.perform(get("/interests/no-such-interest")).andExpect(status().isNotFound());
        mvc.perform(get("/posts/" + post)).andExpect(content().string(Matchers.containsString("href=\"/tags/vinyl\"")));
    }
}
