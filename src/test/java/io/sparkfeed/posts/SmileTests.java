package io.sparkfeed.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SmileTests extends IntegrationTest {

    @Autowired
    Posts posts;

    private int count(long postId) {
        return jdbc.sql("select smile_count from posts where id = ?").param(postId).query(Integer.class).single();
    }

    private long rows(long postId) {
        return jdbc.sql("select count(*) from smiles where post_id = ?").param(postId).query(Long.class).single();
    }

    @Test
    void concurrentSmilesByOneAccountLeaveOneSmile() throws Exception {
        var fan = fixtures.primeMember();
        long postId = fixtures.post(fixtures.primeMember(), "smile at me");
        var pool = Executors.newFixedThreadPool(12);
        var start = new CountDownLatch(1);
        try {
            List<Callable<SmileState>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(() -> {
                    start.await();
                    return posts.smile(fan.id(), postId);
                });
            }
            var futures = new ArrayList<java.util.concurrent.Future<SmileState>>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            start.countDown();
            for (var f : futures) {
                assertThat(f.get().smiled()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows(postId)).isEqualTo(1);
        assertThat(count(postId)).isEqualTo(1);
    }

    @Test
    void smilingAndUnsmilingInAnyInterleavingKeepsTheCountEqualToTheRows() throws Exception {
        long postId = fixtures.post(fixtures.primeMember(), "busy post");
        var fans = List.of(fixtures.primeMember(), fixtures.primeMember(), fixtures.trialMember());
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SmileState>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                var fan = fans.get(i % fans.size());
                boolean smile = (i / 3) % 2 == 0;
                calls.add(() -> smile ? posts.smile(fan.id(), postId) : posts.unsmile(fan.id(), postId));
            }
            for (var f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat((long) count(postId)).isEqualTo(rows(postId));
    }

    @Test
    void htmxGetsTheButtonBackAndAPlainFormIsRedirected() throws Exception {
        var fan = fixtures.primeMember();
        long postId = fixtures.post(fixtures.primeMember(), "htmx");
        mvc.perform(post("/posts/" + postId + "/smile").header("HX-Request", "true").with(fan.login()).with(csrf()))
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
        long first = posts.comment(commenter.id(), postId, "First!");
        long second = posts.comment(commenter.id(), postId, "Second");
        mvc.perform(post("/posts/" + postId + "/comments/" + first + "/delete").with(stranger.login()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + postId + "/comments/" + first + "/delete").with(commenter.login()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/posts/" + postId + "/comments/" + second + "/delete").with(author.login()).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No comments yet.")));
        mvc.perform(post("/posts/" + postId + "/comments").param("body", "x".repeat(1001)).with(commenter.login())
                        .with(csrf()).header("HX-Request", "true"))
                .andExpect(content().string(Matchers.containsString("A comment has at most 1000 characters.")));
        assertThat(jdbc.sql("select comment_count from posts where id = ?").param(postId).query(Integer.class).single())
                .isZero();
    }
}
