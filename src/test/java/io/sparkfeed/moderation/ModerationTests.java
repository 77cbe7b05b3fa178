package io.sparkfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Follows;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.SessionCookie;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

class ModerationTests extends IntegrationTest {

    @Autowired
    Follows follows;

    @Autowired
    Orders orders;

    @Autowired
    Posts posts;

    @Autowired
    Reactions reactions;

    private List<MockHttpServletRequestBuilder> adminRoutes(long post, long comment, long account) {
        return List.of(
                get("/admin/reports"),
                post("/admin/reports/resolve")
                        .param("target", "POST")
                        .param("id", String.valueOf(post))
                        .param("outcome", "DISMISSED")
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/moderation/posts/" + post + "/hide")
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/moderation/posts/" + post + "/restore")
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/moderation/comments/" + comment + "/hide")
                        .param("post", String.valueOf(post))
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/moderation/comments/" + comment + "/restore")
                        .param("post", String.valueOf(post))
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/moderation/accounts/" + account + "/suspend")
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/moderation/accounts/" + account + "/reinstate")
                        .param("reason", "r")
                        .with(csrf()));
    }

    @Test
    void adminRoutesSendVisitorsToLoginAndRefuseEveryoneElse() throws Exception {
        var author = fixtures.primeMember();
        long post = fixtures.post(author, "not to be touched");
        long comment = reactions.comment(author.id(), post, "my own comment");
        for (var route : adminRoutes(post, comment, author.id())) {
            mvc.perform(route).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        for (TestAccount who : List.of(
                fixtures.person(),
                fixtures.primeMember(),
                fixtures.trialMember(),
                fixtures.enthusiast(),
                fixtures.brand())) {
            for (var route : adminRoutes(post, comment, author.id())) {
                mvc.perform(route.with(who.login())).andExpect(status().isForbidden());
            }
        }
        assertThat(jdbc.sql("select hidden_at is null from posts where id = ?")
                        .param(post)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select suspended_at is null from accounts where id = ?")
                        .param(author.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // each id with its own type: a post, a comment and an account may share a number
        assertThat(jdbc.sql("select count(*) from audit_entries where (target_type, target_id) in "
                                + "(('POST', ?), ('COMMENT', ?), ('ACCOUNT', ?))")
                        .params(post, comment, author.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aHiddenPostLeavesEveryListButItsAuthorAndAdminsStillSeeIt() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.enthusiast();
        var other = fixtures.primeMember();
        // follows the author and picked interests: "/" is their For-you feed, and /following lists the author
        var follower = fixtures.primeMember();
        follows.follow(follower.id(), author.id());
        jdbc.sql("insert into account_interests (account_id, interest_id) select ?, id from interests where id <= 5")
                .param(follower.id())
                .update();
        long product = fixtures.product(2);
        String word = "takedownword" + author.handle();
        long post = fixtures.post(author, "Takedown candidate #takedowntest " + word, product);
        String card = "article#post-" + post;
        List<String> lists = List.of(
                "/",
                "/@" + author.handle(),
                "/tags/takedowntest",
                "/products/" + product,
                "/interests/style",
                "/search?q=" + word);
        List<RequestPostProcessor> viewers = List.of(r -> r, other.login(), follower.login(), admin.login());
        for (String list : lists) {
            assertThat(page(get(list)).select(card)).as(list).hasSize(1);
        }
        Document forYou = page(get("/").with(follower.login()));
        assertThat(forYou.select(".feed-tabs .active").text())
                .as("the For-you tab")
                .isEqualTo("For you");
        assertThat(forYou.select(card)).as("For you").hasSize(1);
        assertThat(page(get("/following").with(follower.login())).select(card))
                .as("/following")
                .hasSize(1);

        mvc.perform(post("/admin/moderation/posts/" + post + "/hide")
                        .param("reason", "Counterfeit goods")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/posts/" + post))
                .andExpect(flash().attribute("notice", "admin.moderation.postHidden"));

        for (String list : lists) {
            for (RequestPostProcessor viewer : viewers) {
                assertThat(page(get(list).with(viewer)).select(card)).as(list).isEmpty();
            }
        }
        assertThat(page(get("/").with(follower.login())).select(card))
                .as("For you")
                .isEmpty();
        assertThat(page(get("/following").with(follower.login())).select(card))
                .as("/following")
                .isEmpty();
        // the author: gone from every feed, but on their own profile, marked removed with the reason
        for (String list : lists.subList(2, lists.size())) {
            assertThat(page(get(list).with(author.login())).select(card))
                    .as(list)
                    .isEmpty();
        }
        assertThat(page(get("/").with(author.login())).select(card)).isEmpty();
        assertThat(page(get("/@" + author.handle()).with(author.login()))
                        .select(card + ".removed .flash.problem")
                        .text())
                .contains("Counterfeit goods");
        // gone, not unknown: a search engine drops the address (VisitorPagesTests reads the page itself)
        mvc.perform(get("/posts/" + post)).andExpect(status().isGone());
        mvc.perform(get("/posts/" + post).with(other.login())).andExpect(status().isGone());
        assertThat(page(get("/posts/" + post).with(author.login()))
                        .select(".flash.problem")
                        .text())
                .contains("Counterfeit goods");
        assertThat(page(get("/posts/" + post).with(admin.login()))
                        .select(".flash.problem")
                        .text())
                .contains("Counterfeit goods");
        // nobody smiles at or comments on a hidden post
        assertThatThrownBy(() -> reactions.smile(other.id(), post)).isInstanceOf(RuntimeException.class);

        mvc.perform(post("/admin/moderation/posts/" + post + "/restore")
                        .param("reason", "Appeal accepted")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.moderation.postRestored"));
        for (String list : lists) {
            assertThat(page(get(list)).select(card)).as(list).hasSize(1);
        }
        assertThat(page(get("/").with(follower.login())).select(card))
                .as("For you")
                .hasSize(1);
        assertThat(audit("POST", post))
                .containsExactly(
                        "POST_HIDDEN:Counterfeit goods:" + admin.id(), "POST_RESTORED:Appeal accepted:" + admin.id());
    }

    @Test
    void aTakedownNeedsAReason() throws Exception {
        var admin = fixtures.admin();
        long post = fixtures.post(fixtures.primeMember(), "stays");
        mvc.perform(post("/admin/moderation/posts/" + post + "/hide")
                        .param("reason", "  ")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "admin.reason.required"));
        mvc.perform(get("/posts/" + post)).andExpect(status().isOk());
        assertThat(audit("POST", post)).isEmpty();
    }

    @Test
    void aHiddenCommentIsGoneForEveryoneButItsAuthorAndAdmins() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        var commenter = fixtures.primeMember();
        long post = fixtures.post(author, "commented");
        long comment = reactions.comment(commenter.id(), post, "Buy cheap watches at spam.example");
        String selector = "#comment-" + comment;

        mvc.perform(post("/admin/moderation/comments/" + comment + "/hide")
                        .param("post", String.valueOf(post))
                        .param("reason", "Spam link")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/posts/" + post + "#comments"))
                .andExpect(flash().attribute("notice", "admin.moderation.commentHidden"));

        assertThat(page(get("/posts/" + post)).select(selector)).isEmpty();
        assertThat(page(get("/posts/" + post).with(author.login())).select(selector))
                .isEmpty();
        assertThat(page(get("/posts/" + post).with(commenter.login()))
                        .select(selector + " .muted")
                        .text())
                .contains("removed");
        assertThat(page(get("/posts/" + post).with(admin.login()))
                        .select(selector)
                        .text())
                .contains("spam.example");
        assertThat(commentCount(post)).isZero();

        mvc.perform(post("/admin/moderation/comments/" + comment + "/restore")
                        .param("post", String.valueOf(post))
                        .param("reason", "Not spam")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.moderation.commentRestored"));
        assertThat(page(get("/posts/" + post)).select(selector).text()).contains("spam.example");
        assertThat(commentCount(post)).isEqualTo(1);
        assertThat(audit("COMMENT", comment))
                .containsExactly("COMMENT_HIDDEN:Spam link:" + admin.id(), "COMMENT_RESTORED:Not spam:" + admin.id());
    }

    @Test
    void aSuspendedAccountIsSignedOutAtOnceAndCannotActUntilReinstated() throws Exception {
        var admin = fixtures.admin();
        var member = fixtures.primeMember();
        long post = fixtures.post(fixtures.primeMember(), "something to smile at");
        SessionCookie session = login(member);
        SessionCookie htmxSession = login(member);
        mvc.perform(get("/").with(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/moderation/accounts/" + member.id() + "/suspend")
                        .param("reason", "Harassment")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.moderation.suspended"));

        mvc.perform(get("/").with(session)).andExpect(redirectedUrl("/login?suspended"));
        assertThat(stored(session)).isNull();
        mvc.perform(post("/posts/" + post + "/smile")
                        .header("HX-Request", "true")
                        .with(htmxSession)
                        .with(csrf()))
                .andExpect(status().isUnauthorized())
                .andExpect(MockMvcResultMatchers.header().string("HX-Redirect", "/login?suspended"));
        assertThat(stored(htmxSession)).isNull();
        mvc.perform(post("/posts/" + post + "/smile").with(member.login()).with(csrf()))
                .andExpect(redirectedUrl("/login?suspended"));
        mvc.perform(post("/login")
                        .param("login", member.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?suspended"));
        assertThatThrownBy(() -> reactions.smile(member.id(), post)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reactions.comment(member.id(), post, "hi")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.post(member, "while suspended")).isInstanceOf(RuntimeException.class);
        long someone = fixtures.primeMember().id();
        assertThatThrownBy(() -> follows.follow(member.id(), someone)).isInstanceOf(AccessDeniedException.class);
        long product = fixtures.product(1);
        assertThatThrownBy(() -> fixtures.order(member.id(), product, 1, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count("select count(*) from orders where account_id = ?", member.id()))
                .isZero();

        mvc.perform(post("/admin/moderation/accounts/" + member.id() + "/reinstate")
                        .param("reason", "Apologised")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.moderation.reinstated"));
        reactions.smile(member.id(), post);
        mvc.perform(get("/").with(login(member))).andExpect(status().isOk());
        assertThat(audit("ACCOUNT", member.id()))
                .containsExactly(
                        "ACCOUNT_SUSPENDED:Harassment:" + admin.id(), "ACCOUNT_REINSTATED:Apologised:" + admin.id());
    }

    @Test
    void anAdminCannotSuspendThemself() throws Exception {
        var admin = fixtures.admin();
        mvc.perform(post("/admin/moderation/accounts/" + admin.id() + "/suspend")
                        .param("reason", "oops")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "admin.moderation.suspendSelf"));
        assertThat(audit("ACCOUNT", admin.id())).isEmpty();
    }

    private SessionCookie login(TestAccount account) throws Exception {
        var result = mvc.perform(post("/login")
                        .param("login", account.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(request -> {
                            request.setRemoteAddr("198.51.100." + (account.id() % 200 + 1));
                            return request;
                        })
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return SessionCookie.of(result);
    }

    private int commentCount(long post) {
        return jdbc.sql("select comment_count from posts where id = ?")
                .param(post)
                .query(Integer.class)
                .single();
    }

    private List<String> audit(String type, long id) {
        return jdbc.sql("select action || ':' || reason || ':' || actor_id from audit_entries "
                        + "where target_type = ? and target_id = ? order by id")
                .params(type, id)
                .query(String.class)
                .list();
    }
}
