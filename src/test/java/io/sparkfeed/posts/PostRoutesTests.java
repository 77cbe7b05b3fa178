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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Every route that changes a post, for every kind of account. */
class PostRoutesTests extends IntegrationTest {

    /** Who sends the request. Everyone but the author acts on someone else's post and comment. */
    enum Role {
        VISITOR,
        NON_MEMBER,
        TRIAL_MEMBER,
        PRIME_MEMBER,
        BRAND,
        AUTHOR
    }

    /** Every mutating route of posts, smiles and comments (PostController, ReactionController). */
    enum Route {
        PUBLISH,
        EDIT,
        DELETE,
        SMILE,
        UNSMILE,
        COMMENT,
        DELETE_COMMENT
    }

    enum Outcome {
        LOGIN,
        FORBIDDEN,
        DONE
    }

    /**
     * The expected outcome of each route for each role, with {@code sparkfeed.posting.allow-trial=false}: posting
     * needs paid Prime and a person's account; smiling and commenting need Prime, a trial included (a brand's
     * account has paid Prime in the fixtures); editing or deleting a post, or someone else's comment on it, is for
     * its author only.
     */
    static Stream<Arguments> everyMutatingRouteForEveryRole() {
        var cases = new ArrayList<Arguments>();
        for (Route route : Route.values()) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(route, role, expected(route, role)));
            }
        }
        return cases.stream();
    }

    private static Outcome expected(Route route, Role role) {
        if (role == Role.VISITOR) {
            return Outcome.LOGIN;
        }
        switch (route) {
            case PUBLISH:
                return role == Role.PRIME_MEMBER || role == Role.AUTHOR ? Outcome.DONE : Outcome.FORBIDDEN;
            case SMILE:
            case UNSMILE:
            case COMMENT:
                return role == Role.NON_MEMBER ? Outcome.FORBIDDEN : Outcome.DONE;
            default:
                return role == Role.AUTHOR ? Outcome.DONE : Outcome.FORBIDDEN;
        }
    }

    @Autowired
    Reactions reactions;

    /** A post by a Prime member with one comment by another, and the account acting on them. */
    private record Scene(TestAccount author, long postId, long commentId, TestAccount actor) {}

    private Scene scene(Role role) {
        TestAccount author = fixtures.primeMember();
        long postId = fixtures.post(author, "before");
        long commentId = reactions.comment(fixtures.primeMember().id(), postId, "A comment");
        TestAccount actor = switch (role) {
            case VISITOR -> null;
            case NON_MEMBER -> fixtures.person();
            case TRIAL_MEMBER -> fixtures.trialMember();
            case PRIME_MEMBER -> fixtures.primeMember();
            case BRAND -> fixtures.brand();
            case AUTHOR -> author;
        };
        return new Scene(author, postId, commentId, actor);
    }

    private AbstractMockHttpServletRequestBuilder<?> request(Route route, Scene scene) {
        String post = "/posts/" + scene.postId();
        AbstractMockHttpServletRequestBuilder<?> request = switch (route) {
            case PUBLISH -> publish(photo(), "alt", "caption");
            case EDIT ->
                post(post + "/edit")
                        .param("altText", "Edited alt")
                        .param("caption", "after")
                        .param("disclosure", "NONE")
                        .param("interests", "2");
            case DELETE -> post(post + "/delete");
            case SMILE -> post(post + "/smile");
            case UNSMILE -> post(post + "/unsmile");
            case COMMENT -> post(post + "/comments").param("body", "Nice!");
            case DELETE_COMMENT -> post(post + "/comments/" + scene.commentId() + "/delete");
        };
        request.with(csrf());
        if (scene.actor() != null) {
            request.with(scene.actor().login());
        }
        return request;
    }

    /** What the route changes, as the database holds it. */
    private List<Object> state(Route route, Scene scene) {
        long post = scene.postId();
        Long actor = scene.actor() == null ? null : scene.actor().id();
        return switch (route) {
            case PUBLISH -> List.of(count("select count(*) from posts"), count("select count(*) from images"));
            case EDIT ->
                jdbc.sql("select caption, alt_text from posts where id = ?")
                        .param(post)
                        .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2)))
                        .single();
            case DELETE -> List.of(count("select count(*) from posts where id = " + post));
            case SMILE, UNSMILE ->
                List.of(
                        count("select count(*) from smiles where post_id = " + post),
                        count("select smile_count from posts where id = " + post),
                        actor == null
                                ? 0L
                                : count("select count(*) from smiles where post_id = " + post + " and account_id = "
                                        + actor));
            case COMMENT ->
                List.of(
                        count("select count(*) from comments where post_id = " + post),
                        count("select comment_count from posts where id = " + post));
            case DELETE_COMMENT ->
                List.of(
                        count("select count(*) from comments where id = " + scene.commentId()),
                        count("select comment_count from posts where id = " + post));
        };
    }

    /** What the database must hold after the route did its work. */
    private List<Object> stateWhenDone(Route route, Scene scene, List<Object> before) {
        return switch (route) {
            case PUBLISH -> List.of((long) before.get(0) + 1, (long) before.get(1) + 1);
            case EDIT -> List.of("after", "Edited alt");
            case DELETE -> List.of(0L);
            case SMILE -> List.of((long) before.get(0) + 1, (long) before.get(1) + 1, 1L);
            case UNSMILE -> List.of((long) before.get(0) - 1, (long) before.get(1) - 1, 0L);
            case COMMENT -> List.of((long) before.get(0) + 1, (long) before.get(1) + 1);
            case DELETE_COMMENT -> List.of(0L, (long) before.get(1) - 1);
        };
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource
    void everyMutatingRouteForEveryRole(Route route, Role role, Outcome outcome) throws Exception {
        Scene scene = scene(role);
        if (route == Route.UNSMILE && scene.actor() != null) {
            // something to take back: a smile from when the account could smile
            jdbc.sql("insert into smiles (post_id, account_id, created_at) values (?, ?, now())")
                    .params(scene.postId(), scene.actor().id())
                    .update();
            jdbc.sql("update posts set smile_count = smile_count + 1 where id = ?")
                    .param(scene.postId())
                    .update();
        }
        List<Object> before = state(route, scene);

        ResultActions result = mvc.perform(request(route, scene));

        switch (outcome) {
            case LOGIN -> result.andExpect(redirectedUrl("/login"));
            case FORBIDDEN -> result.andExpect(status().isForbidden());
            case DONE ->
                result.andExpect(status().isFound())
                        .andExpect(
                                switch (route) {
                                    case PUBLISH -> redirectedUrlPattern("/posts/*");
                                    case EDIT, SMILE, UNSMILE -> redirectedUrl("/posts/" + scene.postId());
                                    case DELETE ->
                                        redirectedUrl("/@" + scene.author().handle());
                                    case COMMENT, DELETE_COMMENT ->
                                        redirectedUrl("/posts/" + scene.postId() + "#comments");
                                });
        }
        assertThat(state(route, scene))
                .isEqualTo(outcome == Outcome.DONE ? stateWhenDone(route, scene, before) : before);
    }

    private long posts(TestAccount author) {
        return count("select count(*) from posts where author_id = ?", author.id());
    }

    private MockMultipartHttpServletRequestBuilder publish(byte[] photo, String alt, String caption, String... tag) {
        var request = multipart("/posts").file(new MockMultipartFile("photo", "photo.jpg", "image/jpeg", photo));
        request.param("altText", alt)
                .param("caption", caption)
                .param("disclosure", "NONE")
                .param("interests", "2");
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
        assertThat(jdbc.sql("select smile_count from posts where id = ?")
                        .param(postId)
                        .query(Integer.class)
                        .single())
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
        mvc.perform(post("/posts/" + postId + "/comments")
                        .param("body", "hi")
                        .with(member.login())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(posts(member)).isZero();
        assertThat(count("select count(*) from comments where post_id = ?", postId))
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
        mvc.perform(post("/posts/" + postId + "/comments")
                        .param("body", "Nice!")
                        .with(trial.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/posts/" + postId + "#comments"));
        assertThat(posts(trial)).isZero();
        assertThat(jdbc.sql("select smile_count from posts where id = ?")
                        .param(postId)
                        .query(Integer.class)
                        .single())
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
        var result = mvc.perform(publish(
                                photo(),
                                "My desk",
                                "Love my #Desk and #coffee",
                                String.valueOf(p1),
                                "0.25",
                                "0.5",
                                String.valueOf(p2),
                                "0.75",
                                "0.4")
                        .with(member.login()))
                .andExpect(redirectedUrlPattern("/posts/*"))
                .andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring("/posts/".length()));
        assertThat(jdbc.sql(
                                "select product_id || '@' || x || ',' || y from post_tags where post_id = ? order by position")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly(p1 + "@0.2500,0.5000", p2 + "@0.7500,0.4000");
        assertThat(jdbc.sql("select tag from post_hashtags where post_id = ? order by tag")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("coffee", "desk");

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
        long images = count("select count(*) from images");
        mvc.perform(publish(photo(), " ", "caption").with(member.login()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Describe the photo: people who cannot see it")));
        mvc.perform(publish(photo(), "alt", "x".repeat(2201)).with(member.login()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("A caption has at most 2,200 characters.")));
        mvc.perform(publish(photo(), "alt", "c", String.valueOf(product), "1.5", "0.5")
                        .with(member.login()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("x and y between 0 and 1")));
        mvc.perform(publish("just some text".getBytes(StandardCharsets.UTF_8), "alt", "c")
                        .with(member.login()))
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
        assertThat(count("select count(*) from images")).isEqualTo(images);
    }

    @Test
    void onlyTheAuthorEditsOrDeletesAPost() throws Exception {
        var author = fixtures.primeMember();
        var other = fixtures.primeMember();
        long product = fixtures.product(2);
        long id = fixtures.post(author, "before", product);
        mvc.perform(get("/posts/" + id + "/edit").with(other.login())).andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + id + "/edit")
                        .param("altText", "hacked")
                        .param("caption", "hacked")
                        .param("disclosure", "NONE")
                        .with(other.login())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + id + "/delete").with(other.login()).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select caption from posts where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("before");

        mvc.perform(get("/posts/" + id + "/edit").with(author.login())).andExpect(status().isOk());
        mvc.perform(post("/posts/" + id + "/edit")
                        .param("altText", "New alt")
                        .param("caption", "after #edit")
                        .param("disclosure", "GIFTED")
                        .param("disclosureBrand", "Acme")
                        .param("interests", "3")
                        .param("tagProduct", String.valueOf(product))
                        .param("tagX", "0.1")
                        .param("tagY", "0.9")
                        .with(author.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/posts/" + id));
        mvc.perform(get("/posts/" + id))
                .andExpect(content().string(Matchers.containsString("Gifted by Acme")))
                .andExpect(content().string(Matchers.containsString("after ")));

        mvc.perform(post("/posts/" + id + "/delete").with(author.login()).with(csrf()))
                .andExpect(redirectedUrl("/@" + author.handle()));
        // it existed: 410 Gone for everyone, its author too
        mvc.perform(get("/posts/" + id)).andExpect(status().isGone());
        mvc.perform(get("/posts/" + id).with(author.login())).andExpect(status().isGone());
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
