package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every write has a limit (issue 10, point 6): the request past it answers 429 with {@code Retry-After} and a
 * readable page (English and French; a message for htmx), and changes nothing. The clock is pinned, so no token
 * refills during a test.
 */
class WriteLimitTests extends IntegrationTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    private Instant now;

    @BeforeEach
    void pinTheClock() {
        now = Instant.now();
        clock.pin(now);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String newAddress() {
        return "203.0.113." + (1 + ADDRESS.incrementAndGet() % 250);
    }

    /** Refused with 429 and Retry-After (the page itself comes from the container's error dispatch, see below). */
    private ResultActions refused(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("\\d+")));
    }

    private void commentTenTimes(TestAccount fan, long postId) throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/posts/" + postId + "/comments")
                            .param("body", "comment " + i)
                            .with(fan.login())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
    }

    @Test
    void commentsAreLimitedPerAccount() throws Exception {
        TestAccount fan = fixtures.primeMember();
        long postId = fixtures.post(fixtures.primeMember(), "comment on me");
        commentTenTimes(fan, postId);
        refused(post("/posts/" + postId + "/comments")
                .param("body", "one too many")
                .with(fan.login())
                .with(csrf()));
        assertThat(count("select count(*) from comments where post_id = ?", postId))
                .isEqualTo(10);
        // another account is not affected, and the limit recovers with time
        mvc.perform(post("/posts/" + postId + "/comments")
                        .param("body", "hello")
                        .with(fixtures.primeMember().login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        clock.pin(now.plus(Duration.ofMinutes(1)));
        mvc.perform(post("/posts/" + postId + "/comments")
                        .param("body", "later")
                        .with(fan.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theRefusalIsAReadablePageInEnglishAndFrench() throws Exception {
        // through the real server, whose error dispatch renders the page (a visitor's searches, from 127.0.0.1)
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> last = null;
        for (int i = 0; i < 31; i++) {
            last = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/search?q=lamp" + i))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(v).matches("\\d+"));
        assertThat(last.body())
                .contains("You are doing that too often. Try again in")
                .contains("Sparkfeed")
                .doesNotContain("Exception");
        HttpResponse<String> french = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/search?q=lampe"))
                        .header("Accept", "text/html")
                        .header("Accept-Language", "fr")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(french.statusCode()).isEqualTo(429);
        assertThat(french.body()).contains("Vous faites cela trop souvent");
    }

    @Test
    void withHtmxTheRefusalIsAMessageAboveThePage() throws Exception {
        TestAccount fan = fixtures.primeMember();
        long postId = fixtures.post(fixtures.primeMember(), "comment on me");
        commentTenTimes(fan, postId);
        mvc.perform(post("/posts/" + postId + "/comments")
                        .param("body", "htmx")
                        .header("HX-Request", "true")
                        .with(fan.login())
                        .with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("\\d+")))
                .andExpect(header().string("HX-Retarget", "#main"))
                .andExpect(content().string(Matchers.containsString("You are doing that too often")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
    }

    @Test
    void smilesAreLimitedPerAccount() throws Exception {
        TestAccount fan = fixtures.primeMember();
        long postId = fixtures.post(fixtures.primeMember(), "smile at me");
        for (int i = 0; i < 30; i++) {
            mvc.perform(post("/posts/" + postId + (i % 2 == 0 ? "/smile" : "/unsmile"))
                            .with(fan.login())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        refused(post("/posts/" + postId + "/smile").with(fan.login()).with(csrf()));
        assertThat(count("select count(*) from smiles where post_id = ?", postId))
                .isZero();
    }

    @Test
    void followsAreLimitedPerAccount() throws Exception {
        TestAccount fan = fixtures.primeMember();
        TestAccount star = fixtures.person();
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/@" + star.handle() + (i % 2 == 0 ? "/follow" : "/unfollow"))
                            .with(fan.login())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        refused(post("/@" + star.handle() + "/follow").with(fan.login()).with(csrf()));
        assertThat(count("select count(*) from follows where follower_id = ?", fan.id()))
                .isZero();
    }

    @Test
    void reportsAreLimitedPerAccount() throws Exception {
        TestAccount reporter = fixtures.person();
        for (int i = 0; i < 5; i++) {
            long postId = fixtures.post(fixtures.primeMember(), "report me " + i);
            mvc.perform(post("/report")
                            .param("type", "POST")
                            .param("id", Long.toString(postId))
                            .param("reason", "SPAM")
                            .with(reporter.login())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        long sixth = fixtures.post(fixtures.primeMember(), "one too many");
        refused(post("/report")
                .param("type", "POST")
                .param("id", Long.toString(sixth))
                .param("reason", "SPAM")
                .with(reporter.login())
                .with(csrf()));
        assertThat(count("select count(*) from reports where reporter_id = ?", reporter.id()))
                .isEqualTo(5);
    }

    @Test
    void signUpsAreLimitedPerAddress() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            // refused forms count too: the limit is on attempts
            mvc.perform(post("/signup").param("email", "").with(from(address)).with(csrf()))
                    .andExpect(status().isOk());
        }
        String handle = fixtures.uniqueHandle();
        refused(post("/signup")
                .param("email", handle + "@example.test")
                .param("handle", handle)
                .param("displayName", "Too many")
                .param("password", "a long enough passphrase")
                .with(from(address))
                .with(csrf()));
        assertThat(count("select count(*) from accounts where handle = ?", handle))
                .isZero();
        // another address signs up
        mvc.perform(post("/signup").param("email", "").with(from(newAddress())).with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    void postEditsAreLimitedPerAccount() throws Exception {
        TestAccount author = fixtures.primeMember();
        long postId = fixtures.post(author, "edit me");
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/posts/" + postId + "/edit")
                            .param("altText", "alt " + i)
                            .param("caption", "v" + i)
                            .param("interests", "1")
                            .with(author.login())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        refused(post("/posts/" + postId + "/edit")
                .param("altText", "alt")
                .param("caption", "too many")
                .param("interests", "1")
                .with(author.login())
                .with(csrf()));
        assertThat(jdbc.sql("select caption from posts where id = ?")
                        .param(postId)
                        .query(String.class)
                        .single())
                .isEqualTo("v9");
    }

    @Test
    void visitorsSearchesAreLimitedPerAddress() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/search").param("q", "lamp " + i).with(from(address)))
                    .andExpect(status().isOk());
        }
        refused(get("/search").param("q", "lamp").with(from(address)));
        mvc.perform(get("/search").param("q", "lamp").with(from(newAddress()))).andExpect(status().isOk());
    }
}
