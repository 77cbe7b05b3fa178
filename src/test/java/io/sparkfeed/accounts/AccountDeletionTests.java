package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.collections.Collections;
import io.sparkfeed.collections.SaveTarget;
import io.sparkfeed.moderation.Enthusiasts;
import io.sparkfeed.moderation.ReportReason;
import io.sparkfeed.moderation.ReportTarget;
import io.sparkfeed.moderation.Reports;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.questions.Questions;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.SessionCookie;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Account deletion: confirmed with the password, scheduled 14 days ahead (the page says when), taken back by logging
 * in; once due, the job erases the person's content everywhere, keeps their orders without name or address, keeps
 * every count true, and audits it.
 */
class AccountDeletionTests extends IntegrationTest {

    @Autowired
    Questions questions;

    @Autowired
    AccountDeletions deletions;

    @Autowired
    Reactions reactions;

    @Autowired
    Follows follows;

    @Autowired
    Collections collections;

    @Autowired
    DataExports exports;

    @Autowired
    Accounts accounts;

    @Autowired
    Reports reports;

    @Autowired
    Enthusiasts enthusiasts;

    private SessionCookie login(TestAccount account) throws Exception {
        return SessionCookie.of(mvc.perform(post("/login")
                        .param("login", account.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(request -> {
                            request.setRemoteAddr("203.0.113." + (account.id() % 200 + 1));
                            return request;
                        })
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn());
    }

    private Document html(String body) {
        return Jsoup.parse(body);
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long scheduled(TestAccount account) {
        return count("select count(*) from account_deletions where account_id = ?", account.id());
    }

    private int column(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }

    @Test
    void aWrongPasswordOrNoCsrfTokenChangesNothing() throws Exception {
        TestAccount me = fixtures.person();
        int version = column("select session_version from accounts where id = ?", me.id());

        Document refused = page(post("/me/data/delete")
                .param("current", "not my password")
                .with(me.login())
                .with(csrf()));
        assertThat(refused.select("#current-error").text()).isEqualTo("That is not your current password.");
        assertThat(refused.select("#current").attr("aria-invalid")).isEqualTo("true");
        mvc.perform(post("/me/data/delete").param("current", Fixtures.PASSWORD).with(me.login()))
                .andExpect(status().isForbidden());

        assertThat(scheduled(me)).isZero();
        assertThat(column("select session_version from accounts where id = ?", me.id()))
                .isEqualTo(version);
        assertThat(page(get("/me/data").with(me.login())).select("form[action=/me/data/delete]"))
                .hasSize(1);
    }

    @Test
    void schedulingSaysWhenEndsOtherSessionsAndCanBeCancelled() throws Exception {
        TestAccount me = fixtures.person();
        SessionCookie session = login(me);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.pin(now);

        SessionCookie here = SessionCookie.of(mvc.perform(post("/me/data/delete")
                        .param("current", Fixtures.PASSWORD)
                        .with(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/me/data"))
                .andReturn());
        assertThat(jdbc.sql("select due_at from account_deletions where account_id = ?")
                        .param(me.id())
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(now.plus(Duration.ofDays(14)));

        Document page = page(get("/me/data").with(here));
        assertThat(OffsetDateTime.parse(
                                page.select("#deletion [role=status] time").attr("datetime"))
                        .toInstant())
                .isEqualTo(now.plus(Duration.ofDays(14)));
        assertThat(page.select("#deletion [role=status]").text()).startsWith("Your account and everything");
        assertThat(page.select("form[action=/me/data/delete]")).isEmpty();
        // the session it was asked from goes on; every other one ended
        mvc.perform(get("/me/data").with(me.login())).andExpect(redirectedUrl("/login?ended"));

        mvc.perform(post("/me/data/delete/cancel").with(here).with(csrf())).andExpect(redirectedUrl("/me/data"));
        assertThat(scheduled(me)).isZero();
        assertThat(page(get("/me/data").with(here)).select("form[action=/me/data/delete]"))
                .hasSize(1);
    }

    @Test
    void loggingInDuringTheGracePeriodCancelsTheDeletionAndSaysSo() throws Exception {
        TestAccount me = fixtures.person();
        deletions.schedule(me.id(), Fixtures.PASSWORD);
        assertThat(scheduled(me)).isOne();

        SessionCookie session = login(me);

        assertThat(scheduled(me)).isZero();
        String welcome = "Welcome back: you logged in, so your account will not be deleted.";
        assertThat(html(body(get("/").with(session))).select(".flash").eachText())
                .contains(welcome);
        // and only once
        assertThat(html(body(get("/").with(session))).select(".flash").eachText())
                .doesNotContain(welcome);
        clock.pin(Instant.now().plus(AccountDeletions.GRACE).plus(Duration.ofHours(1)));
        deletions.deleteDue();
        assertThat(count("select count(*) from accounts where id = ? and deleted_at is null", me.id()))
                .isOne();
    }

    @Test
    void onceDueTheJobErasesTheContentKeepsAnonymousOrdersAndTheCountsStayTrue() throws Exception {
        TestAccount me = fixtures.primeMember();
        TestAccount other = fixtures.primeMember();
        TestAccount saver = fixtures.person();
        String word = "vanishing" + me.id();
        long product = fixtures.product(0);
        long mine = fixtures.post(me, "my last photo " + word + " #" + word, product);
        long theirs = fixtures.post(other, "their photo " + other.handle());
        String key = jdbc.sql("select image_key from posts where id = ?")
                .param(mine)
                .query(String.class)
                .single();

        reactions.smile(me.id(), theirs);
        reactions.comment(me.id(), theirs, "my comment on theirs");
        reactions.smile(other.id(), mine);
        reactions.comment(other.id(), mine, "their comment on mine");
        follows.follow(me.id(), other.id());
        follows.follow(other.id(), me.id());
        collections.save(me.id(), SaveTarget.post(theirs), null);
        long kept = collections.create(saver.id(), "Kept", true);
        collections.save(saver.id(), SaveTarget.post(mine), kept);
        collections.save(saver.id(), SaveTarget.post(theirs), kept);
        long order = fixtures.order(me.id(), product, 1, null);
        long theirQuestion = questions.ask(other.id(), product, mine, "Their question " + other.handle());
        questions.answer(me.id(), theirQuestion, "My answer " + word);
        questions.ask(me.id(), product, null, "My question " + word);
        long report = reports.file(me.id(), ReportTarget.POST, theirs, ReportReason.OTHER, "my words on their post");
        enthusiasts.apply(me.id(), "I photograph every lamp I buy, in good light", "home", null);
        exports.request(me.id());
        exports.buildPending();
        assertThat(column("select smile_count from posts where id = ?", theirs)).isEqualTo(1);
        assertThat(column("select comment_count from posts where id = ?", theirs))
                .isEqualTo(1);
        assertThat(column("select save_count from posts where id = ?", theirs)).isEqualTo(2);
        assertThat(column("select item_count from collections where id = ?", kept))
                .isEqualTo(2);
        // before: the post is everywhere a visitor looks
        assertThat(page(get("/")).select("#post-" + mine)).hasSize(1);
        assertThat(page(get("/tags/" + word)).select("#post-" + mine)).hasSize(1);
        assertThat(page(get("/search").param("q", word)).select("#post-" + mine))
                .hasSize(1);
        assertThat(page(get("/@" + me.handle())).select("#post-" + mine)).hasSize(1);
        assertThat(body(get("/sitemap-posts.xml").param("page", "0"))).contains("/posts/" + mine + "<");
        assertThat(body(get("/sitemap-profiles.xml").param("page", "0"))).contains("/@" + me.handle() + "<");

        deletions.schedule(me.id(), Fixtures.PASSWORD);
        // not yet due: nothing happens
        deletions.deleteDue();
        assertThat(count("select count(*) from posts where id = ?", mine)).isOne();

        clock.pin(Instant.now().plus(AccountDeletions.GRACE).plus(Duration.ofMinutes(1)));
        assertThat(deletions.deleteDue()).isPositive();

        // the content is gone
        assertThat(count("select count(*) from posts where author_id = ?", me.id()))
                .isZero();
        assertThat(count("select count(*) from deleted_posts where post_id = ?", mine))
                .isOne();
        assertThat(count("select count(*) from comments where author_id = ?", me.id()))
                .isZero();
        assertThat(count("select count(*) from smiles where account_id = ?", me.id()))
                .isZero();
        assertThat(count("select count(*) from follows where follower_id = ? or followed_id = ?", me.id(), me.id()))
                .isZero();
        assertThat(count("select count(*) from collections where owner_id = ?", me.id()))
                .isZero();
        assertThat(count("select count(*) from notifications where recipient_id = ? or actor_id = ?", me.id(), me.id()))
                .isZero();
        assertThat(count("select count(*) from data_exports where account_id = ?", me.id()))
                .isZero();
        assertThat(count("select count(*) from images where key = ?", key)).isZero();
        mvc.perform(get("/media/" + key + "/320.jpg")).andExpect(status().isNotFound());
        // every count of what stays is true
        assertThat(column("select smile_count from posts where id = ?", theirs)).isZero();
        assertThat(column("select comment_count from posts where id = ?", theirs))
                .isZero();
        assertThat(column("select save_count from posts where id = ?", theirs)).isEqualTo(1);
        assertThat(column("select item_count from collections where id = ?", kept))
                .isEqualTo(1);
        assertThat(follows.counts(other.id(), null).followers()).isZero();
        assertThat(follows.counts(other.id(), null).following()).isZero();
        Document theirPage = page(get("/posts/" + theirs));
        assertThat(theirPage.text()).doesNotContain("my comment on theirs");
        assertThat(page(get("/collections/" + kept)).select("#post-" + mine)).isEmpty();
        // their questions and answers go; others' questions stay, without the person's answers
        assertThat(count("select count(*) from product_questions where author_id = ?", me.id()))
                .isZero();
        assertThat(count("select count(*) from product_answers where author_id = ?", me.id()))
                .isZero();
        Document asked = page(get("/products/" + product + "/questions"));
        assertThat(asked.select("#question-" + theirQuestion)).hasSize(1);
        assertThat(asked.text()).doesNotContain(word);
        // orders stay, for accounting, without name or address
        assertThat(count(
                        "select count(*) from orders where id = ? and account_id = ? and ship_name = ''"
                                + " and ship_line1 = '' and ship_city = '' and ship_postcode = ''",
                        order,
                        me.id()))
                .isOne();
        assertThat(count("select count(*) from shipping_addresses where account_id = ?", me.id()))
                .isZero();
        // the account row is what orders and the audit trail point at, and names nobody
        assertThat(jdbc.sql("select handle || ' ' || email || ' ' || display_name from accounts where id = ?")
                        .param(me.id())
                        .query(String.class)
                        .single())
                .doesNotContain(me.handle())
                .doesNotContain(me.email())
                .startsWith("deleted-" + me.id());
        assertThat(count(
                        "select count(*) from audit_entries where action = 'ACCOUNT_DELETED' and target_type = 'ACCOUNT'"
                                + " and target_id = ?",
                        me.id()))
                .isOne();
        // moderation keeps the report, without the person's words, and forgets the application
        assertThat(count("select count(*) from reports where id = ? and details = ''", report))
                .isOne();
        assertThat(count("select count(*) from enthusiast_applications where account_id = ?", me.id()))
                .isZero();
        assertThat(scheduled(me)).isZero();
        assertThat(accounts.reinstate(me.id())).as("no admin brings it back").isFalse();
        // and a visitor finds it nowhere
        mvc.perform(get("/posts/" + mine)).andExpect(status().isGone());
        assertThat(page(get("/")).select("#post-" + mine)).isEmpty();
        assertThat(page(get("/tags/" + word)).select("#post-" + mine)).isEmpty();
        assertThat(page(get("/search").param("q", word)).select("#post-" + mine))
                .isEmpty();
        assertThat(page(get("/search").param("q", me.handle())).text()).doesNotContain("@" + me.handle());
        mvc.perform(get("/@" + me.handle())).andExpect(status().isNotFound());
        assertThat(body(get("/sitemap-posts.xml").param("page", "0"))).doesNotContain("/posts/" + mine + "<");
        assertThat(body(get("/sitemap-profiles.xml").param("page", "0")))
                .doesNotContain("/@" + me.handle() + "<")
                .doesNotContain("/@deleted-" + me.id() + "<");
        // nobody can log in as it
        mvc.perform(post("/login")
                        .param("login", me.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }
}
