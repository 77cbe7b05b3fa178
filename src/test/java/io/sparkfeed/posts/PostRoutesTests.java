package io.sparkfeed.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Every route that changes a post, for every kind of account. */
class PostRoutesTests extends IntegrationTest {

    private long posts(TestAccount author) {
        return jdbc.sql("select count(*) from posts where author_id = ?").param(author.id()).query(Long.class).single();
    }

    private MockMultipartHttpServletRequestBuilder publish(byte[] photo, String alt, String caption, String... tag) {
        var request = multipart("/posts").file(new MockMultipartFile("photo", "photo.jpg", "image/jpeg", photo));
        request.param("altText", alt).param("caption", caption).param("disclosure", "NONE").param("interests", "2");
        for (int i = 0; i + 2 < tag.length; i += 3) {
            request.param("tagProduct", tag[i]).param("tagX", tag[i + 1]).param("tagY", tag[i + 2]);
        }
        request.with(csrf());
        return request;
    }

    private byte[] photo() {
        return Fixtures.jpeg(600, 750, (int) System.nanoTime());
    }

    @Test
    void visitorsAreSentToLoginFromEveryMutatingRoute() throws Exception {
        long postId = fixtures.post(fixtures.primeMember(), "hello");
        mvc.perform(get("/posts/new")).andExpect(redirectedUrl("/login"));
        mvc.perform(publish(photo(), "alt", "caption")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/posts/" + postId + "/smile").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/posts/" + postId + "/comments").param("body", "hi").with(csrf()))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/posts/" + postId + "/edit")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/posts/" + postId + "/delete").with(csrf())).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.sql("select smile_count from posts where id = ?").param(postId).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aNonMemberSeesWhyAndCannotPostSmileOrComment() throws Exception {
        var member = fixtures.person();
        long postId = fixtures.post(fixtures.primeMember(), "hello");
        mvc.perform(get("/posts/new").with(member.login()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("Posting is for Prime members.")))
                .andExpect(content().string(Matchers.containsString("href=\"/prime\"")));
        mvc.perform(publish(photo(), "alt", "caption").with(member.login())).andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + postId + "/smile").with(member.login()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + postId + "/comments").param("body", "hi").with(member.login()).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(posts(member)).isZero();
        assertThat(jdbc.sql("select count(*) from comments where post_id = ?").param(postId).query(Long.class).single())
                .isZero();
    }

    @Test
    void aTrialMemberSmilesAndCommentsButCannotPostByDefault() throws Exception {
        var trial = fixtures.trialMember();
        long postId = fixtures.post(fixtures.primeMember(), "hello");
        mvc.perform(get("/posts/new").with(trial.login()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("the free trial lets you smile and comment")));
        mvc.perform(publish(photo(), "alt", "caption").with(trial.login())).andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + postId + "/smile").with(trial.login()).with(csrf()))
                .andExpect(redirectedUrl("/posts/" + postId));
        mvc.perform(post("/posts/" + postId + "/comments").param("body", "Nice!").with(trial.login()).with(csrf()))
                .andExpect(redirectedUrl("/posts/" + postId + "#comments"));
        assertThat(posts(trial)).isZero();
        assertThat(jdbc.sql("select smile_count from posts where id = ?").param(postId).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aBrandNeverPosts() throws Exception {
        var brand = fixtures.brand();
        mvc.perform(get("/posts/new").with(brand.login()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("Brand accounts do not post")));
        mvc.perform(publish(photo(), "alt", "caption").with(brand.login())).andExpect(status().isForbidden());
        assertThat(posts(brand)).isZero();
    }

    @Test
    void aPrimeMemberPublishesAPostWithTagsAndHashtags() throws Exception {
        var member = fixtures.primeMember();
        long p1 = fixtures.product(0);
        long p2 = fixtures.product(1);
        mvc.perform(get("/posts/new").with(member.login())).andExpect(status().isOk());
        var result = mvc.perform(publish(photo(), "My desk", "Love my #Desk and #coffee",
                        String.valueOf(p1), "0.25", "0.5", String.valueOf(p2), "0.75", "0.4").with(member.login()))
                .andExpect(redirectedUrlPattern("/posts/*")).andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring("/posts/".length()));
        assertThat(jdbc.sql("select product_id || '@' || x || ',' || y from post_tags where post_id = ? order by position")
                .param(id).query(String.class).list()).containsExactly(p1 + "@0.2500,0.5000", p2 + "@0.7500,0.4000");
        assertThat(jdbc.sql("select tag from post_hashtags where post_id = ? order by tag").param(id)
                .query(String.class).list()).containsExactly("coffee", "desk");

        mvc.perform(get("/posts/" + id))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/tags/desk\"")))
                .andExpect(content().string(Matchers.containsString("class=\"hotspot\"")))
                .andExpect(content().string(Matchers.containsString("2 products in this photo")));
    }

    @Test
    void badInputIsExplainedAndChangesNothing() throws Exception {
        var member = fixtures.primeMember();
        long product = fixtures.product(0);
        long images = jdbc.sql("select count(*) from images").query(Long.class).single();
        mvc.perform(publish(photo(), " ", "caption").with(member.login()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Describe the photo: people who cannot see it")));
        mvc.perform(publish(photo(), "alt", "x".repeat(2201)).with(member.login()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("A caption has at most 2,200 characters.")
                        ));
        mvc.perform(publish(photo(), "alt", "c", String.valueOf(product), "1.5", "0.5").with(member.login()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("x and y between 0 and 1")));
        mvc.perform(publish("just some text".getBytes(StandardCharsets.UTF_8), "alt", "c").with(member.login()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Upload a JPEG, PNG or WebP photo.")));
        String[] eleven = new String[33];
        for (int i = 0; i < 11; i++) {
            eleven[i * 3] = String.valueOf(product);
            eleven[i * 3 + 1] = "0.5";
            eleven[i * 3 + 2] = "0.5";
        }
        mvc.perform(publish(photo(), "alt", "c", eleven).with(member.login()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("at most 10 product tags")));
        assertThat(posts(member)).isZero();
        assertThat(jdbc.sql("select count(*) from images").query(Long.class).single()).isEqualTo(images);
    }

    @Test
    void onlyTheAuthorEditsOrDeletesAPost() throws Exception {
        var author = fixtures.primeMember();
        var other = fixtures.primeMember();
        long product = fixtures.product(2);
        long id = fixtures.post(author, "before", product);
        mvc.perform(get("/posts/" + id + "/edit").with(other.login())).andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + id + "/edit").param("altText", "hacked").param("caption", "hacked")
                        .param("disclosure", "NONE").with(other.login()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + id + "/delete").with(other.login()).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select caption from posts where id = ?").param(id).query(String.class).single())
                .isEqualTo("before");

        mvc.perform(get("/posts/" + id + "/edit").with(author.login())).andExpect(status().isOk());
        mvc.perform(post("/posts/" + id + "/edit").param("altText", "New alt").param("caption", "after #edit")
                        .param("disclosure", "GIFTED").param("disclosureBrand", "Acme").param("interests", "3")
                        .param("tagProduct", String.valueOf(product)).param("tagX", "0.1").param("tagY", "0.9")
                        .with(author.login()).with(csrf()))
                .andExpect(redirectedUrl("/posts/" + id));
        mvc.perform(get("/posts/" + id))
                .andExpect(content().string(Matchers.containsString("Gifted by Acme")))
                .andExpect(content().string(Matchers.containsString("after ")));

        mvc.perform(post("/posts/" + id + "/delete").with(author.login()).with(csrf()))
                .andExpect(redirectedUrl("/@" + author.handle()));
        mvc.perform(get("/posts/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void captionsAreEscaped() throws Exception {
        var author = fixtures.primeMember();
        long id = fixtures.post(author, "<script>alert('x')</script> #safe");
        mvc.perform(get("/posts/" + id))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert"))))
                .andExpect(content().string(Matchers.containsString("&lt;script&gt;alert")));
    }

    @Test
    void aVisitorSeesCountsAndAPromptButNoSmileButton() throws Exception {
        long id = fixtures.post(fixtures.primeMember(), "hello");
        mvc.perform(get("/posts/" + id))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("smile-button"))))
                .andExpect(content().string(Matchers.containsString("Join Prime to smile and comment")));
    }
}
