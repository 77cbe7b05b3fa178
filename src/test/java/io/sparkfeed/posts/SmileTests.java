package io.sparkfeed.posts;

import static io.sparkfeed.support.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class SmileTests extends IntegrationTest {

    @Autowired
    Reactions reactions;

    private int count(long postId) {
        return jdbc.sql("select smile_count from posts where id = ?")
                .param(postId)
                .query(Integer.class)
                .single();
    }

    private long rows(long postId) {
        return count("select count(*) from smiles where post_id = ?", postId);
    }

    @Test
    void concurrentSmilesByOneAccountLeaveOneSmile() throws Exception {
        var fan = fixtures.primeMember();
        long postId = fixtures.post(fixtures.primeMember(), "smile at me");
        List<SmileState> answers = race(Collections.nCopies(24, () -> reactions.smile(fan.id(), postId)), 12);
        assertThat(answers).allMatch(SmileState::smiled);
        assertThat(rows(postId)).isEqualTo(1);
        assertThat(count(postId)).isEqualTo(1);
    }

    @Test
    void smilingAndUnsmilingInAnyInterleavingKeepsTheCountEqualToTheRows() throws Exception {
        long postId = fixtures.post(fixtures.primeMember(), "busy post");
        var fans = List.of(fixtures.primeMember(), fixtures.primeMember(), fixtures.trialMember());
        List<Callable<SmileState>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            var fan = fans.get(i % fans.size());
            boolean smile = (i / 3) % 2 == 0;
            calls.add(() -> smile ? reactions.smile(fan.id(), postId) : reactions.unsmile(fan.id(), postId));
        }
        race(calls, 8);
        assertThat((long) count(postId)).isEqualTo(rows(postId));
    }

    @Test
    void htmxGetsTheButtonBackAndAPlainFormIsRedirected() throws Exception {
        var fan = fixtures.primeMember();
        long postId = fixtures.post(fixtures.primeMember(), "htmx");
        mvc.perform(post("/posts/" + postId + "/smile")
                        .header("HX-Request", "true")
                        .with(fan.login())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("aria-pressed=\"true\"")))
                .andExpect(content().string(Matchers.containsString("/posts/" + postId + "/unsmile")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        mvc.perform(post("/posts/" + postId + "/unsmile").with(fan.login()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count(postId)).isZero();
    }

    @Test
    void commentsAreAddedAndDeletedByTheirAuthorOrThePostsAuthor() throws Exception {
        var author = fixtures.primeMember();
        var commenter = fixtures.primeMember();
        var stranger = fixtures.primeMember();
        long postId = fixtures.post(author, "comment on me");
        long first = reactions.comment(commenter.id(), postId, "First!");
        long second = reactions.comment(commenter.id(), postId, "Second");
        mvc.perform(post("/posts/" + postId + "/comments/" + first + "/delete")
                        .with(stranger.login())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + postId + "/comments/" + first + "/delete")
                        .with(commenter.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/posts/" + postId + "/comments/" + second + "/delete")
                        .with(author.login())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No comments yet.")));
        mvc.perform(post("/posts/" + postId + "/comments")
                        .param("body", "x".repeat(1001))
                        .with(commenter.login())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(content().string(Matchers.containsString("A comment has at most 1000 characters.")));
        assertThat(jdbc.sql("select comment_count from posts where id = ?")
                        .param(postId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private int commentCount(long postId) {
        return jdbc.sql("select comment_count from posts where id = ?")
                .param(postId)
                .query(Integer.class)
                .single();
    }

    @Test
    void aHiddenCommentDeletedByItsAuthorIsNotTakenOffTheCountTwice() throws Exception {
        var author = fixtures.primeMember();
        var commenter = fixtures.primeMember();
        var admin = fixtures.admin();
        long postId = fixtures.post(author, "count me right " + author.handle());
        long hidden = reactions.comment(commenter.id(), postId, "Buy followers here");
        reactions.comment(author.id(), postId, "Thanks all");
        mvc.perform(post("/admin/moderation/comments/" + hidden + "/hide")
                        .param("post", String.valueOf(postId))
                        .param("reason", "Spam link")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(commentCount(postId)).isEqualTo(1);

        // its author still sees it, with the moderators' reason, and may delete it
        mvc.perform(MockMvcRequestBuilders.get("/posts/" + postId).with(commenter.login()))
                .andExpect(content().string(Matchers.containsString("(removed by the moderators: Spam link)")));
        mvc.perform(post("/posts/" + postId + "/comments/" + hidden + "/delete")
                        .with(commenter.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(commentCount(postId)).isEqualTo(1);
        assertThat(count("select count(*) from comments where post_id = ?", postId))
                .isEqualTo(1);
    }

    @Test
    void aCommentIsDeletedOnlyThroughItsOwnPostAndNotUnderAHiddenPost() throws Exception {
        var author = fixtures.primeMember();
        var commenter = fixtures.primeMember();
        var admin = fixtures.admin();
        long postId = fixtures.post(author, "secret comments " + author.handle());
        long other = fixtures.post(commenter, "my own post " + commenter.handle());
        long comment = reactions.comment(commenter.id(), postId, "A word under the post");
        // the comment is not found under another post, even one the commenter owns
        mvc.perform(post("/posts/" + other + "/comments/" + comment + "/delete")
                        .with(commenter.login())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isNotFound());

        mvc.perform(post("/admin/moderation/posts/" + postId + "/hide")
                        .param("reason", "Counterfeit")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // under a hidden post the commenter gets a 404, not the hidden post's comments
        mvc.perform(post("/posts/" + postId + "/comments/" + comment + "/delete")
                        .with(commenter.login())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.not(Matchers.containsString("A word under the post"))));
        assertThat(count("select count(*) from comments where id = ?", comment)).isEqualTo(1);
    }
}
