package io.sparkfeed.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.IntegrationTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** At most 30 distinct hashtags a post (issue 10, point 6): more is a form error, and nothing is written. */
class HashtagLimitTests extends IntegrationTest {

    /** n distinct one-letter hashtags, back to back: 1,100 of them fit in a caption's 2,200 characters. */
    private static String hashtags(int n) {
        return IntStream.range(0, n).mapToObj(i -> "#" + (char) (0x4E00 + i)).collect(Collectors.joining());
    }

    private long hashtagRows(long postId) {
        return count("select count(*) from post_hashtags where post_id = ?", postId);
    }

    @Test
    void thirtyHashtagsAreKeptAndMoreAreAFormError() throws Exception {
        var author = fixtures.primeMember();
        long postId = fixtures.post(author, hashtags(30));
        assertThat(hashtagRows(postId)).isEqualTo(30);

        for (String caption : new String[] {hashtags(31), hashtags(1100)}) {
            mvc.perform(post("/posts/" + postId + "/edit")
                            .param("altText", "alt")
                            .param("caption", caption)
                            .param("interests", "1")
                            .with(author.login())
                            .with(csrf()))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(
                            content().string(Matchers.containsString("A caption has at most 30 different #hashtags.")));
        }
        assertThat(hashtagRows(postId)).isEqualTo(30);
        // the same hashtag a thousand times is one hashtag
        mvc.perform(post("/posts/" + postId + "/edit")
                        .param("altText", "alt")
                        .param("caption", "#same ".repeat(300))
                        .param("interests", "1")
                        .with(author.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/posts/" + postId));
        assertThat(hashtagRows(postId)).isEqualTo(1);
    }

    @Test
    void publishingWithTooManyHashtagsLeavesNoPost() {
        var author = fixtures.primeMember();
        long before = count("select count(*) from posts where author_id = ?", author.id());
        assertThatThrownBy(() -> fixtures.post(author, hashtags(1100)))
                .isInstanceOfSatisfying(
                        PostRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("post.hashtags.tooMany"));
        assertThat(count("select count(*) from posts where author_id = ?", author.id()))
                .isEqualTo(before);
    }
}
