package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.MailServer;
import io.sparkfeed.support.SessionCookie;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A forgotten password: a link by mail that works once for 30 minutes, the same answer for an unknown address, and a
 * reset that ends every other session; a password change that asks for the current one.
 */
class PasswordTests extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/login/reset\\?token=([A-Za-z0-9_-]{43})");
    private static final AtomicInteger ADDRESS = new AtomicInteger(10);
    private static final String NEW_PASSWORD = "a brand new secret";

    /** Each test asks from its own address, so the per-address limit of one test cannot refuse another's. */
    private static RequestPostProcessor from() {
        String address = "198.51.100." + ADDRESS.incrementAndGet();
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder forgot(String email) {
        return post("/login/forgot").param("email", email).with(csrf()).with(from());
    }

    private static MockHttpServletRequestBuilder reset(String token, String password) {
        return post("/login/reset")
                .param("token", token)
                .param("password", password)
                .with(csrf())
                .with(from());
    }

    private static MockHttpServletRequestBuilder login(String email, String password) {
        return post("/login")
                .param("login", email)
                .param("password", password)
                .with(csrf())
                .with(from());
    }

    /** Asks for a link and returns the token of the mail that arrives. */
    private String mailedToken(String email, int nth) throws Exception {
        mvc.perform(forgot(email)).andExpect(redirectedUrl("/login/forgot?sent"));
        List<MimeMessage> mails = MailServer.await(email, nth);
        assertThat(mails).hasSize(nth);
        MimeMessage mail = mails.get(nth - 1);
        assertThat(mail.getSubject()).isEqualTo("Choose a new Sparkfeed password");
        Matcher link = LINK.matcher(MailServer.part(mail, "text/plain"));
        assertThat(link.find()).as("the mail carries a reset link").isTrue();
        return link.group(1);
    }

    private int sessionVersion(long accountId) {
        return jdbc.sql("select session_version from accounts where id = ?")
                .param(accountId)
                .query(Integer.class)
                .single();
    }

    @Test
    void aMailedLinkSetsANewPasswordOnceAndSignsThePersonIn() throws Exception {
        var person = fixtures.person();
        String token = mailedToken(person.email(), 1);

        Document form = page(get("/login/reset").param("token", token));
        assertThat(form.select("h1").text()).isEqualTo("Choose a new password");
        assertThat(form.select("input[name=token]").val()).isEqualTo(token);

        mvc.perform(reset(token, NEW_PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(person.email()));
        mvc.perform(login(person.email(), Fixtures.PASSWORD)).andExpect(unauthenticated());
        mvc.perform(login(person.email(), NEW_PASSWORD)).andExpect(authenticated());

        assertThat(page(get("/login/reset").param("token", token)).select("h1").text())
                .isEqualTo("This link no longer works");
        Document again = page(reset(token, "yet another secret"));
        assertThat(again.select("h1").text()).isEqualTo("This link no longer works");
        mvc.perform(login(person.email(), NEW_PASSWORD)).andExpect(authenticated());
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
        String unknown = fixtures.uniqueHandle() + "@example.test";
        MvcResult answer = mvc.perform(forgot(unknown))
                .andExpect(redirectedUrl("/login/forgot?sent"))
                .andReturn();
        assertThat(answer.getResponse().getCookie(SessionCookie.NAME))
                .as("no session for a visitor")
                .isNull();
        Document sent = page(get("/login/forgot").param("sent", ""));
        assertThat(sent.select(".flash.notice").text()).startsWith("If an account uses that address, a link is on");
        Thread.sleep(300);
        assertThat(MailServer.to(unknown)).isEmpty();
        assertThat(count("select count(*) from outbox_mails where recipient = ?", unknown))
                .isZero();
    }

    @Test
    void aResetEndsEveryOtherSessionAndRememberMe() throws Exception {
        var person = fixtures.person();
        SessionCookie elsewhere = SessionCookie.of(
                mvc.perform(login(person.email(), Fixtures.PASSWORD)).andReturn());
        mvc.perform(get("/orders").with(elsewhere)).andExpect(status().isOk());
        int before = sessionVersion(person.id());

        mvc.perform(reset(mailedToken(person.email(), 1), NEW_PASSWORD)).andExpect(redirectedUrl("/"));

        assertThat(sessionVersion(person.id())).isEqualTo(before + 1);
        mvc.perform(get("/orders").with(elsewhere)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void aLinkLastsThirtyMinutesAndOnlyTheNewestWorks() throws Exception {
        var person = fixtures.person();
        String first = mailedToken(person.email(), 1);
        String second = mailedToken(person.email(), 2);
        assertThat(page(get("/login/reset").param("token", first)).select("h1").text())
                .isEqualTo("This link no longer works");
        assertThat(page(get("/login/reset").param("token", second)).select("h1").text())
                .isEqualTo("Choose a new password");

        clock.pin(Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(page(get("/login/reset").param("token", second)).select("h1").text())
                .isEqualTo("This link no longer works");
        assertThat(page(reset(second, NEW_PASSWORD)).select("h1").text()).isEqualTo("This link no longer works");
        clock.reset();
        mvc.perform(login(person.email(), Fixtures.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void aWeakPasswordIsRefusedAndTheLinkStillWorks() throws Exception {
        var person = fixtures.person();
        String token = mailedToken(person.email(), 1);
        Document refused = page(reset(token, "password123"));
        assertThat(refused.select("#password-error").text()).isNotBlank();
        mvc.perform(login(person.email(), Fixtures.PASSWORD)).andExpect(authenticated());
        mvc.perform(reset(token, NEW_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void nobodysInboxIsFloodedByRequestsForTheirAddress() throws Exception {
        var person = fixtures.person();
        for (int i = 0; i < 5; i++) {
            mvc.perform(forgot(person.email())).andExpect(redirectedUrl("/login/forgot?sent"));
        }
        assertThat(count("select count(*) from outbox_mails where recipient = ?", person.email()))
                .isEqualTo(3);
    }

    @Test
    void changingThePasswordAsksForTheCurrentOneAndEndsOtherSessions() throws Exception {
        var person = fixtures.person();
        SessionCookie elsewhere = SessionCookie.of(
                mvc.perform(login(person.email(), Fixtures.PASSWORD)).andReturn());
        SessionCookie here = SessionCookie.of(
                mvc.perform(login(person.email(), Fixtures.PASSWORD)).andReturn());

        Document wrong = page(post("/me/settings/password")
                .param("current", "not my password")
                .param("password", NEW_PASSWORD)
                .with(csrf())
                .with(here));
        assertThat(wrong.select("#current-error").text()).isEqualTo("That is not your current password.");
        mvc.perform(get("/orders").with(elsewhere)).andExpect(status().isOk());

        MvcResult changed = mvc.perform(post("/me/settings/password")
                        .param("current", Fixtures.PASSWORD)
                        .param("password", NEW_PASSWORD)
                        .with(csrf())
                        .with(here))
                .andExpect(redirectedUrl("/me/settings"))
                .andReturn();
        SessionCookie renewed = SessionCookie.of(changed);
        assertThat(renewed.id()).isNotEqualTo(here.id());
        assertThat(page(get("/me/settings").with(renewed))
                        .select(".flash.notice")
                        .text())
                .isEqualTo("Your password is changed. Every other device was logged out.");
        mvc.perform(get("/orders").with(elsewhere)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(login(person.email(), NEW_PASSWORD)).andExpect(authenticated());
    }
}
