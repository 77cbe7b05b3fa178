package io.sparkfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.posts.Disclosure;
import io.sparkfeed.posts.PostContent;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.StatementCounter;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What a takedown does beyond the lists: the photo, the comments under the post, and what the author is told. */
class TakedownTests extends IntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    Reactions reactions;

    private ResultActions admin(TestAccount admin, String path, String... params) throws Exception {
        var request = post(path).with(admin.login()).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private String photo(long post) {
        String key = jdbc.sql("select image_key from posts where id = ?")
                .param(post)
                .query(String.class)
                .single();
        int width = jdbc.sql("select widths[1] from images where key = ?")
                .param(key)
                .query(Integer.class)
                .single();
        return "/media/" + key + "/" + width + ".jpg";
    }

    @Test
    void theCommentsUnderAHiddenPostCannotBeReadThroughTheReportForm() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        var commenter = fixtures.primeMember();
        var reader = fixtures.person();
        long post = fixtures.post(author, "about to go");
        long comment = reactions.comment(commenter.id(), post, "a secret under the post");
        assertThat(page(get("/report")
                                .param("type", "COMMENT")
                                .param("id", String.valueOf(comment))
                                .with(reader.login()))
                        .text())
                .contains("a secret under the post");

        admin(admin, "/admin/moderation/posts/" + post + "/hide", "reason", "Nudity");

        mvc.perform(get("/report")
                        .param("type", "COMMENT")
                        .param("id", String.valueOf(comment))
                        .with(reader.login()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/report")
                        .param("type", "COMMENT")
                        .param("id", String.valueOf(comment))
                        .param("reason", "SPAM")
                        .with(reader.login())
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(count("select count(*) from reports where target_type = 'COMMENT' and target_id = ?", comment))
                .isZero();
    }

    @Test
    void theMediaOfAHiddenPostIsWithheldFromEveryoneButItsAuthorAndAdminsUntilRestored() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        var other = fixtures.primeMember();
        long post = fixtures.post(author, "a photo that breaks the rules");
        String url = photo(post);
        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"));

        admin(admin, "/admin/moderation/posts/" + post + "/hide", "reason", "Violence");

        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get(url).with(other.login())).andExpect(status().isNotFound());
        for (RequestPostProcessor allowed : List.of(author.login(), admin.login())) {
            mvc.perform(get(url).with(allowed))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "private, no-store"))
                    .andExpect(header().doesNotExist("ETag"));
        }

        admin(admin, "/admin/moderation/posts/" + post + "/restore", "reason", "Appeal accepted");

        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"));
    }

    @Test
    void aPhotoAnotherVisiblePostShowsStaysServed() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        long hidden = fixtures.post(author, "first");
        String key = jdbc.sql("select image_key from posts where id = ?")
                .param(hidden)
                .query(String.class)
                .single();
        long visible = fixtures.post(author, "second");
        // the same photo twice (an image is stored once per content)
        jdbc.sql("update posts set image_key = ? where id = ?")
                .params(key, visible)
                .update();

        admin(admin, "/admin/moderation/posts/" + hidden + "/hide", "reason", "Spam");

        mvc.perform(get(photo(visible))).andExpect(status().isOk());
    }

    /** Measured: the hidden post's photo became public again once the other post showing it was deleted. */
    @Test
    void aHiddenPostsPhotoStaysWithheldWhenTheOtherPostShowingItIsDeleted() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        var other = fixtures.primeMember();
        var stranger = fixtures.primeMember();
        byte[] bytes = Fixtures.jpeg(430, 530, 990_002);
        var content = new PostContent("A chair", "shared photo", Disclosure.NONE, null, List.of(), List.of(2));
        long hidden = posts.publish(author.id(), content, bytes);
        long visible = posts.publish(other.id(), content, bytes);
        admin(admin, "/admin/moderation/posts/" + hidden + "/hide", "reason", "Spam");
        // the visible post still shows it: public
        mvc.perform(get(photo(hidden)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"));

        mvc.perform(post("/posts/" + visible + "/delete").with(other.login()).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String url = photo(hidden);
        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get(url).with(stranger.login())).andExpect(status().isNotFound());
        mvc.perform(get(url).with(other.login())).andExpect(status().isNotFound());
        mvc.perform(get(url).with(author.login()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"));
        mvc.perform(get(url).with(admin.login()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"));

        // restoring the post makes it public again, whatever happened in between
        admin(admin, "/admin/moderation/posts/" + hidden + "/restore", "reason", "Appeal");
        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"));
    }

    /** Two hidden posts of different authors show the same photo: each author still sees it, nobody else. */
    @Test
    void aPhotoOfTwoHiddenPostsIsSeenByBothAuthorsOnly() throws Exception {
        var admin = fixtures.admin();
        var first = fixtures.primeMember();
        var second = fixtures.primeMember();
        byte[] bytes = Fixtures.jpeg(440, 540, 990_003);
        var content = new PostContent("A vase", "twice", Disclosure.NONE, null, List.of(), List.of(2));
        long one = posts.publish(first.id(), content, bytes);
        long two = posts.publish(second.id(), content, bytes);
        admin(admin, "/admin/moderation/posts/" + two + "/hide", "reason", "Spam");
        admin(admin, "/admin/moderation/posts/" + one + "/hide", "reason", "Spam");
        String url = photo(one);
        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get(url).with(first.login())).andExpect(status().isOk());
        mvc.perform(get(url).with(second.login())).andExpect(status().isOk());
    }

    @Test
    void theSamePhotoUploadedAgainForANewPostIsServedWithIt() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        byte[] bytes = Fixtures.jpeg(420, 520, 990_001);
        var content = new PostContent("A lamp", "the first time", Disclosure.NONE, null, List.of(), List.of(2));
        long hidden = posts.publish(author.id(), content, bytes);
        admin(admin, "/admin/moderation/posts/" + hidden + "/hide", "reason", "Spam");
        mvc.perform(get(photo(hidden))).andExpect(status().isNotFound());

        // a new, visible post of the very same bytes: its page must not show a broken photo
        long again = posts.publish(author.id(), content, bytes);
        assertThat(photo(again)).isEqualTo(photo(hidden));
        mvc.perform(get(photo(again)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"));
    }

    @Test
    void anEnthusiastSuspensionThatHidesThePostsWithholdsTheirPhotosUntilReinstated() throws Exception {
        var admin = fixtures.admin();
        var enthusiast = fixtures.enthusiast();
        long post = fixtures.post(enthusiast, "suspended with the rest");
        String url = photo(post);
        admin(
                admin,
                "/admin/enthusiasts/" + enthusiast.id() + "/suspend",
                "reason",
                "Counterfeits",
                "hidePosts",
                "true");
        mvc.perform(get(url)).andExpect(status().isNotFound());
        admin(admin, "/admin/enthusiasts/" + enthusiast.id() + "/reinstate", "reason", "Cleared");
        mvc.perform(get(url)).andExpect(status().isOk());
    }

    @Test
    void theAuthorIsToldWhyAPostOrACommentWasTakenDownAndNobodyElseIs() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        var commenter = fixtures.primeMember();
        long post = fixtures.post(author, "will be removed");
        long comment = reactions.comment(commenter.id(), post, "rude words");
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(author, "COMMENT") == 1);

        admin(
                admin,
                "/admin/moderation/comments/" + comment + "/hide",
                "post",
                String.valueOf(post),
                "reason",
                "Insults");
        admin(admin, "/admin/moderation/posts/" + post + "/hide", "reason", "Fake product");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        notifications(author, "POST_HIDDEN") == 1 && notifications(commenter, "COMMENT_HIDDEN") == 1);

        Document list = page(get("/notifications").with(author.login()));
        var item = list.select(".notification-list li").first();
        assertThat(item.text()).contains("The team removed your post").contains("Reason: Fake product");
        String link = item.select("a[href='/posts/" + post + "']").attr("href");
        assertThat(link).isEqualTo("/posts/" + post);
        // the author follows the link: the post is there, marked removed with the reason
        assertThat(page(get(link).with(author.login())).select(".flash.problem").text())
                .contains("Fake product");
        assertThat(page(get("/notifications").with(commenter.login()))
                        .select(".notification-list li")
                        .first()
                        .text())
                .contains("The team removed your comment")
                .contains("Reason: Insults");
        assertThat(page(get("/notifications").with(admin.login())).text()).doesNotContain("Fake product");
    }

    @Test
    void anAuthorSeesTheirHiddenPostsOnTheirProfileInTheSameNumberOfStatements() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        long shown = fixtures.post(author, "still up");
        long hidden = fixtures.post(author, "taken down");
        String profile = "/@" + author.handle();
        page(get(profile).with(author.login())); // warm-up: the interest list is loaded once per application
        StatementCounter.reset();
        page(get(profile).with(author.login()));
        int before = StatementCounter.count();

        admin(admin, "/admin/moderation/posts/" + hidden + "/hide", "reason", "Misleading");

        StatementCounter.reset();
        Document own = page(get(profile).with(author.login()));
        assertThat(StatementCounter.count()).isEqualTo(before);
        assertThat(own.select("#post-" + shown + ":not(.removed)")).hasSize(1);
        assertThat(own.select("#post-" + hidden + ".removed").text()).contains("Misleading");
        for (RequestPostProcessor viewer :
                List.<RequestPostProcessor>of(r -> r, fixtures.primeMember().login(), admin.login())) {
            assertThat(page(get(profile).with(viewer)).select("#post-" + hidden))
                    .isEmpty();
        }
    }

    private long notifications(TestAccount who, String kind) {
        return count("select count(*) from notifications where recipient_id = ? and kind = ?", who.id(), kind);
    }
}
