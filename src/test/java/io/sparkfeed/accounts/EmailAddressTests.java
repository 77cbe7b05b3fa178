package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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

/**
 * Verified addresses: sign-up mails a link that works once for 24 hours; until it is followed the account browses
 * but does not post, comment or follow; a new address is verified there before it replaces the old, which is told.
 */
class EmailAddressTests extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/verify-email\\?token=([A-Za-z0-9_-]{43})");
    private static final AtomicInteger ADDRESS = new AtomicInteger(10);
    private static final String PASSWORD = "a long enough passphrase";

    /** Signs up a new person (from an address of its own) and returns the session and the address. */
    private SignedUp signUp() throws Exception {
        String handle = fixtures.uniqueHandle();
        String email = handle + "@example.test";
        String from = "203.0.113." + ADDRESS.incrementAndGet();
        MvcResult result = mvc.perform(post("/signup")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(from);
                            return request;
                        })
                        .param("email", email)
                        .param("displayName", "Ada Lovelace")
                        .param("handle", handle)
                        .param("password", PASSWORD)
                        .param("kind", "PERSON"))
                .andExpect(redirectedUrl("/me/interests?welcome"))
                .andReturn();
        long id = jdbc.sql("select id from accounts where handle = ?")
                .param(handle)
                .query(Long.class)
                .single();
        return new SignedUp(id, email, SessionCookie.of(result));
    }

    private record SignedUp(long id, String email, SessionCookie session) {}

    private static String token(MimeMessage mail) throws Exception {
        Matcher link = LINK.matcher(MailServer.part(mail, "text/plain"));
        assertThat(link.find()).as("the mail carries a link").isTrue();
        return link.group(1);
    }

    private MimeMessage mail(String to, int nth, String subject) throws Exception {
        List<MimeMessage> mails = MailServer.await(to, nth);
        assertThat(mails).hasSize(nth);
        assertThat(mails.get(nth - 1).getSubject()).isEqualTo(subject);
        return mails.get(nth - 1);
    }

    @Test
    void untilItsAddressIsConfirmedANewAccountBrowsesButDoesNotPostCommentOrFollow() throws Exception {
        SignedUp person = signUp();
        String token = token(mail(person.email(), 1, "Confirm your Sparkfeed email address"));
        var author = fixtures.primeMember();
        long post = fixtures.post(author, "A lamp I love");
        fixtures.paidMembership(person.id(), Duration.ofDays(30));

        Document home = page(get("/posts/" + post).with(person.session()));
        assertThat(home.select(".verify-hint").text()).startsWith("Confirm your email address to post, comment");

        mvc.perform(post("/@" + author.handle() + "/follow").with(csrf()).with(person.session()))
                .andExpect(flash().attribute("problem", "account.verifyEmail.required"));
        mvc.perform(post("/posts/" + post + "/comments")
                        .param("body", "Nice")
                        .with(csrf())
                        .with(person.session()))
                .andExpect(flash().attribute("problem", "account.verifyEmail.required"));
        mvc.perform(get("/posts/new").with(person.session()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Confirm your email address to post")));
        assertThat(count("select count(*) from follows where follower_id = ?", person.id()))
                .isZero();
        assertThat(count("select count(*) from comments where author_id = ?", person.id()))
                .isZero();

        Document confirmed = followed(token);
        assertThat(confirmed.select("h1").text()).isEqualTo("Address confirmed");
        assertThat(followed(token).select("h1").text()).isEqualTo("This link no longer works");

        assertThat(page(get("/posts/" + post).with(person.session())).select(".verify-hint"))
                .isEmpty();
        mvc.perform(post("/@" + author.handle() + "/follow").with(csrf()).with(person.session()))
                .andExpect(flash().attributeCount(0));
        assertThat(count("select count(*) from follows where follower_id = ?", person.id()))
                .isEqualTo(1);
    }

    @Test
    void theLinkCanBeSentAgainAndOnlyTheNewestWorksForADay() throws Exception {
        SignedUp person = signUp();
        String first = token(mail(person.email(), 1, "Confirm your Sparkfeed email address"));
        mvc.perform(post("/me/verify-email").with(csrf()).with(person.session()))
                .andExpect(redirectedUrl("/me/settings"));
        String second = token(mail(person.email(), 2, "Confirm your Sparkfeed email address"));
        assertThat(followed(first).select("h1").text()).isEqualTo("This link no longer works");

        clock.pin(Instant.now().plus(Duration.ofHours(25)));
        assertThat(followed(second).select("h1").text()).isEqualTo("This link no longer works");
        clock.reset();
        assertThat(count("select count(*) from accounts where id = ? and email_verified_at is null", person.id()))
                .isEqualTo(1);
        assertThat(followed(second).select("h1").text()).isEqualTo("Address confirmed");
    }

    @Test
    void aNewAddressIsConfirmedThereAndTheOldOneIsTold() throws Exception {
        var person = fixtures.person();
        String newEmail = fixtures.uniqueHandle() + "@example.test";

        Document wrong = page(post("/me/settings/email")
                .param("email", newEmail)
                .param("current", "not my password")
                .with(csrf())
                .with(person.login()));
        assertThat(wrong.select("#email-current-error").text()).isEqualTo("That is not your current password.");
        Document taken = page(post("/me/settings/email")
                .param("email", fixtures.person().email().toUpperCase())
                .param("current", Fixtures.PASSWORD)
                .with(csrf())
                .with(person.login()));
        assertThat(taken.select("#email-error").text()).isEqualTo("Another account uses this address.");

        mvc.perform(post("/me/settings/email")
                        .param("email", newEmail)
                        .param("current", Fixtures.PASSWORD)
                        .with(csrf())
                        .with(person.login()))
                .andExpect(redirectedUrl("/me/settings"))
                .andExpect(flash().attribute("notice", "settings.email.sent"));
        assertThat(MailServer.part(
                        mail(person.email(), 1, "Your Sparkfeed email address is about to change"), "text/plain"))
                .contains(newEmail);
        String token = token(mail(newEmail, 1, "Confirm your new Sparkfeed email address"));
        assertThat(page(get("/me/settings").with(person.login()))
                        .select(".card strong")
                        .text())
                .isEqualTo(person.email());

        assertThat(followed(token).select("h1").text()).isEqualTo("Address changed");
        mvc.perform(post("/login")
                        .param("login", newEmail)
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andExpect(authenticated());
        mvc.perform(post("/login")
                        .param("login", person.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andExpect(unauthenticated());
    }

    /** Follows a mailed link as a browser does (it redirects to the page that says what happened). */
    private Document followed(String token) throws Exception {
        String target = mvc.perform(get("/verify-email").param("token", token))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return page(get(target));
    }
}
