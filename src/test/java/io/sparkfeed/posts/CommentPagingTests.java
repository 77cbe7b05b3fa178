package io.sparkfeed.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The post page shows its comments 50 at a time with a More link that works without JavaScript, and htmx answers
 * carry only what changed (issue 10, point 6).
 */
class CommentPagingTests extends IntegrationTest {

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A post with n comments, one a second, numbered in the order they were written. */
    private long postWithComments(TestAccount author, int n) {
        long postId = fixtures.post(author, "so many comments");
        TestAccount commenter = fixtures.primeMember();
        Instant start = Instant.now().minusSeconds(n + 10);
        for (int i = 1; i <= n; i++) {
            jdbc.sql("insert into comments (post_id, author_id, body, created_at) values (?, ?, ?, ?)")
                    .params(postId, commenter.id(), "comment number " + i, Timestamp.from(start.plusSeconds(i)))
                    .update();
        }
        jdbc.sql("update posts set comment_count = ? where id = ?")
                .params(n, postId)
                .update();
        return postId;
    }

    private static List<String> comments(Document page) {
        return page.select("#comment-list .comment-body").eachText();
    }

    @Test
    void commentsArePagedWithAMoreLinkThatWorksWithoutJavaScript() throws Exception {
        long postId = postWithComments(fixtures.primeMember(), 120);
        Document first = page(get("/posts/" + postId));
        assertThat(comments(first)).hasSize(50).startsWith("comment number 1").endsWith("comment number 50");
        assertThat(first.select("#comments-heading").text()).isEqualTo("120 comments");

        String more = first.select("#comments-more a").attr("href");
        assertThat(more).startsWith("/posts/" + postId + "?comments=").endsWith("#comments");
        Document second = page(get(more.substring(0, more.indexOf('#'))));
        assertThat(comments(second)).hasSize(50).startsWith("comment number 51").endsWith("comment number 100");

        String last = second.select("#comments-more a").attr("href");
        Document third = page(get(last.substring(0, last.indexOf('#'))));
        assertThat(comments(third)).hasSize(20).startsWith("comment number 101").endsWith("comment number 120");
        assertThat(third.select("#comments-more a")).isEmpty();
    }

    @Test
    void withHtmxTheMoreLinkBringsOnlyTheNextComments() throws Exception {
        long postId = postWithComments(fixtures.primeMember(), 60);
        String more = page(get("/posts/" + postId)).select("#comments-more a").attr("hx-get");
        String answer = body(get(more).header("HX-Request", "true"));
        assertThat(answer).doesNotContain("<html").doesNotContain("comment number 50<");
        Document fragment = Jsoup.parseBodyFragment(answer);
        assertThat(fragment.select("li .comment-body").eachText()).hasSize(10).startsWith("comment number 51");
        // the More link is replaced out of band: there is nothing after these
        assertThat(fragment.select("#comments-more[hx-swap-oob=true]")).hasSize(1);
        assertThat(fragment.select("#comments-more a")).isEmpty();
    }

    @Test
    void anHtmxCommentAnswersWithTheNewCommentOnly() throws Exception {
        TestAccount fan = fixtures.primeMember();
        long postId = postWithComments(fixtures.primeMember(), 40);
        String answer = body(post("/posts/" + postId + "/comments")
                .param("body", "the newest one")
                .header("HX-Request", "true")
                .with(fan.login())
                .with(csrf()));
        Document fragment = Jsoup.parseBodyFragment(answer);
        assertThat(fragment.select("li .comment-body").eachText()).containsExactly("the newest one");
        assertThat(answer).doesNotContain("comment number").doesNotContain("<html");
        // out of band: the count, and the form emptied for the next comment
        assertThat(fragment.select("#comments-heading[hx-swap-oob=true]").text())
                .isEqualTo("41 comments");
        assertThat(fragment.select("#comment-form[hx-swap-oob=true] textarea").text())
                .isEmpty();

        // a refused comment adds nothing and keeps the draft with the reason
        String refused = body(post("/posts/" + postId + "/comments")
                .param("body", "x".repeat(1001))
                .header("HX-Request", "true")
                .with(fan.login())
                .with(csrf()));
        Document problem = Jsoup.parseBodyFragment(refused);
        assertThat(problem.select("li")).isEmpty();
        assertThat(problem.select("#comment-form .field-error").text()).contains("at most 1000 characters");
        assertThat(problem.select("#comment-form textarea").text()).hasSize(1001);
    }

    @Test
    void anHtmxDeleteTakesTheCommentAwayAndUpdatesTheCount() throws Exception {
        TestAccount fan = fixtures.primeMember();
        long postId = fixtures.post(fixtures.primeMember(), "comment and take it back");
        body(post("/posts/" + postId + "/comments")
                .param("body", "oops")
                .with(fan.login())
                .with(csrf())
                .header("HX-Request", "true"));
        long id = jdbc.sql("select id from comments where post_id = ?")
                .param(postId)
                .query(Long.class)
                .single();
        String answer = body(post("/posts/" + postId + "/comments/" + id + "/delete")
                .header("HX-Request", "true")
                .with(fan.login())
                .with(csrf()));
        // nothing in the comment's place; out of band, the count and the "no comments" line
        Document fragment = Jsoup.parseBodyFragment(answer);
        assertThat(fragment.select("li")).isEmpty();
        assertThat(fragment.select("#comments-heading[hx-swap-oob=true]").text())
                .isEqualTo("No comments");
        assertThat(fragment.select("#no-comments[hx-swap-oob=true]").attr("hidden"))
                .isEmpty();
        assertThat(count("select count(*) from comments where post_id = ?", postId))
                .isZero();
    }
}
