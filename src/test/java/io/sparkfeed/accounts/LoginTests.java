package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.SessionCookie;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class LoginTests extends IntegrationTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    /** Each test logs in from its own address, so address throttling in one test cannot leak into another. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder login(String login, String password) {
        return post("/login").param("login", login).param("password", password).with(csrf());
    }

    private static String newAddress() {
        return "192.0.2." + ADDRESS.incrementAndGet();
    }

    @Test
    void logsInWithEmailOrHandle() throws Exception {
        var account = fixtures.person();
        String address = newAddress();
        mvc.perform(login(account.email(), Fixtures.PASSWORD).with(from(address)))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(account.email()));
        mvc.perform(login("@" + account.handle().toUpperCase(), Fixtures.PASSWORD)
                        .with(from(address)))
                .andExpect(authenticated().withUsername(account.email()));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() throws Exception {
        var account = fixtures.person();
        mvc.perform(login(account.email(), "not the password").with(from(newAddress())))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        mvc.perform(get("/login?error"))
                .andExpect(content().string(Matchers.containsString("do not match an account")));
    }

    @Test
    void loggingInChangesTheSessionId() throws Exception {
        // through the real server: the session cookie before and after login must differ
        var account = fixtures.person();
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String before = sessionId(cookies);
        var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String form = "login=" + URLEncoder.encode(account.email(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + token.group(1);
        var response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(before).isNotNull();
        assertThat(sessionId(cookies)).isNotNull().isNotEqualTo(before);
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(SessionCookie.NAME))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    @Test
    void rememberMeSetsALongLivedCookie() throws Exception {
        var account = fixtures.person();
        mvc.perform(login(account.email(), Fixtures.PASSWORD)
                        .with(from(newAddress()))
                        .with(request -> {
                            request.setParameter("remember-me", "on");
                            return request;
                        }))
                .andExpect(authenticated())
                .andExpect(cookie().exists("remember-me"))
                .andExpect(cookie().maxAge("remember-me", 60 * 60 * 24 * 30))
                .andExpect(cookie().httpOnly("remember-me", true))
                .andExpect(cookie().sameSite("remember-me", "Lax"))
                .andExpect(cookie().secure("remember-me", false));
        // over https (behind the proxy, X-Forwarded-Proto makes the request secure) the cookie is https-only
        mvc.perform(login(account.email(), Fixtures.PASSWORD)
                        .secure(true)
                        .with(from(newAddress()))
                        .param("remember-me", "on"))
                .andExpect(cookie().secure("remember-me", true));
    }

    @Test
    void theRememberMeCookieAloneSignsInUntilLogout() throws Exception {
        var account = fixtures.person();
        var cookie = mvc.perform(login(account.email(), Fixtures.PASSWORD)
                        .with(from(newAddress()))
                        .param("remember-me", "on"))
                .andReturn()
                .getResponse()
                .getCookie("remember-me");
        assertThat(cookie).isNotNull();

        // another day, the session long gone: the cookie alone opens a page that needs an account
        var session = SessionCookie.of(mvc.perform(get("/notifications").cookie(cookie))
                .andExpect(status().isOk())
                .andExpect(authenticated().withUsername(account.email()))
                .andExpect(content().string(Matchers.containsString("@" + account.handle())))
                .andReturn());
        assertThat(stored(session)).isNotNull();

        mvc.perform(post("/logout").with(csrf()).with(session).cookie(cookie))
                .andExpect(redirectedUrl("/?loggedOut"))
                .andExpect(cookie().maxAge("remember-me", 0));

        // a copy of the cookie kept from before the logout no longer signs anyone in
        mvc.perform(get("/notifications").cookie(cookie))
                .andExpect(redirectedUrl("/login"))
                .andExpect(unauthenticated());
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        var account = fixtures.person();
        mvc.perform(post("/logout").with(csrf()).with(account.login()))
                .andExpect(redirectedUrl("/?loggedOut"))
                .andExpect(unauthenticated());
    }

    @Test
    void pagesNeedingAnAccountSendVisitorsToLogin() throws Exception {
        mvc.perform(get("/admin/members"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }
}
