package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.posts.Posts;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.SessionCookie;
import jakarta.servlet.Filter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * What a visitor's browser sees over HTTP, on the real server (error pages are rendered by the container's error
 * dispatch, which MockMvc does not run): no page opens a session, unknown URLs are the site's 404 page, static
 * files have hashed URLs cached for a year, and signing in, coming back to the page asked for, and htmx posts
 * with the CSRF token still work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitorPagesTests extends IntegrationTest {

    private final HttpClient visitor = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private TestAccount author;
    private long post;
    private long product;

    @Autowired
    private FilterChainProxy filterChains;

    @Autowired
    private Posts posts;

    /**
     * MockMvc's {@code csrf()} (used by the other tests of this shared context) swaps the real CSRF filter's token
     * repository for one that keeps the token in the session, on the one filter this server shares: put the app's
     * own cookie repository back, or this class would see sessions the app never opens.
     */
    @BeforeEach
    void theAppsOwnCsrfTokenRepository() {
        for (SecurityFilterChain chain : filterChains.getFilterChains()) {
            for (Filter filter : chain.getFilters()) {
                if (filter instanceof CsrfFilter csrf) {
                    ReflectionTestUtils.setField(csrf, "tokenRepository", SecurityConfig.csrfTokens());
                }
            }
        }
    }

    @BeforeAll
    void aPostWithAProductAndAHashtag() {
        author = fixtures.enthusiast();
        product = fixtures.product(1);
        post = fixtures.postIn(2, author, "A lamp I love #visitorpages", product);
        fixtures.postIn(2, author, "Another lamp #visitorpages", product);
    }

    private HttpResponse<String> get(HttpClient client, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept-Language", "en");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    @Test
    void noPublicPageOpensASessionOrSetsACookie() throws Exception {
        String html = "text/html,application/xhtml+xml,*/*;q=0.8";
        String nextPage =
                Jsoup.parse(get(visitor, "/?size=1").body()).select(".more a").attr("hx-get");
        assertThat(nextPage).contains("after=");
        String[][] pages = {
            {"/", "200"},
            {"/?feed=everyone", "200"},
            {"/?size=50", "200"},
            {"/?lang=fr", "200"},
            {"/posts/" + post, "200"},
            {"/products/" + product, "200"},
            {"/@" + author.handle(), "200"},
            {"/@" + author.handle() + "/followers", "200"},
            {"/@" + author.handle() + "/following", "200"},
            {"/search", "200"},
            {"/search?q=lamp", "200"},
            {"/interests", "200"},
            {"/interests/home", "200"},
            {"/tags/visitorpages", "200"},
            {"/prime", "200"},
            {"/no-such-page", "404"},
            {"/posts/987654321", "404"},
            {"/@nobody-with-this-handle", "404"},
            {"/error", "404"},
            {"/favicon.ico", "200"},
            {"/css/app.css", "200"}
        };
        for (String[] page : pages) {
            var response = get(visitor, page[0], "Accept", html);
            assertThat(response.statusCode()).as(page[0]).isEqualTo(Integer.parseInt(page[1]));
            // no session, and no CSRF cookie either: no page here has a form that posts for a visitor
            assertThat(cookies(response)).as(page[0]).noneMatch(c -> isSession(c) || c.startsWith("XSRF-TOKEN"));
        }
        var fragment = get(visitor, nextPage, "HX-Request", "true");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("post-card").doesNotContain("<html");
        assertThat(cookies(fragment)).isEmpty();
    }

    @Test
    void theLoginAndSignupFormsCarryTheirCsrfTokenInACookieNotASession() throws Exception {
        for (String path : new String[] {"/login", "/signup"}) {
            var response = get(visitor, path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(csrfField(response.body())).isNotBlank();
            assertThat(cookies(response)).noneMatch(VisitorPagesTests::isSession);
            assertThat(cookies(response))
                    .anySatisfy(c -> assertThat(c)
                            .startsWith("XSRF-TOKEN=")
                            .contains("HttpOnly")
                            .contains("SameSite=Lax"));
        }
    }

    @Test
    void aProtectedPageSendsTheVisitorToLoginWithoutASessionAndBackAfterIt() throws Exception {
        for (String path :
                new String[] {"/cart", "/orders", "/notifications", "/posts/new", "/me/stats", "/me/interests"}) {
            var response = get(visitor, path, "Accept", "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
            assertThat(cookies(response)).as(path).noneMatch(VisitorPagesTests::isSession);
        }

        var browser = browser();
        assertThat(get(browser, "/orders").statusCode()).isEqualTo(302);
        var login = logIn(browser, fixtures.primeMember());
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/orders"));
        assertThat(cookies(login)).anyMatch(c -> c.startsWith(SessionCookie.NAME + "="));
        assertThat(get(browser, "/orders").statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedInPageGivesHtmxTheCsrfTokenAndAnHtmxSmileWithItWorks() throws Exception {
        var browser = browser();
        var member = fixtures.primeMember();
        logIn(browser, member);
        Document page = Jsoup.parse(get(browser, "/posts/" + post).body());
        String token = page.select("meta[name=_csrf]").attr("content");
        String header = page.select("meta[name=_csrf_header]").attr("content");
        assertThat(token).isNotBlank();
        assertThat(header).isNotBlank();

        var smile = browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/posts/" + post + "/smile"))
                        .header("HX-Request", "true")
                        .header(header, token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // a signed-in page loads htmx with the page (its buttons are htmx forms); a visitor's names it for later
        assertThat(page.select("script[src*=htmx]")).hasSize(1);
        assertThat(page.select("script[data-htmx]")).isEmpty();
        Document visitorsPage = Jsoup.parse(get(visitor, "/posts/" + post).body());
        assertThat(visitorsPage.select("script[src*=htmx]")).isEmpty();
        assertThat(visitorsPage.select("script[src*=app]").attr("data-htmx"))
                .isEqualTo(page.select("script[src*=htmx]").attr("src"));
        assertThat(smile.statusCode()).isEqualTo(200);
        assertThat(smile.body()).contains("aria-pressed=\"true\"");
        var forged = browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/posts/" + post + "/unsmile"))
                        .header("HX-Request", "true")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownUrlIsTheSite404PageForEveryClient() throws Exception {
        for (String accept : new String[] {"text/html", "*/*", "application/json", "image/png"}) {
            var response = get(visitor, "/no/such/page", "Accept", accept);
            assertThat(response.statusCode()).as(accept).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(accept)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.body())
                    .as(accept)
                    .contains("This page does not exist")
                    .contains("site-header");
        }
        var error = get(visitor, "/error");
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.body()).contains("This page does not exist");
        // signed in, the same page, in the reader's layout
        var browser = browser();
        logIn(browser, fixtures.primeMember());
        var signedIn = get(browser, "/no-such-page", "Accept", "text/html");
        assertThat(signedIn.statusCode()).isEqualTo(404);
        assertThat(signedIn.body()).contains("This page does not exist").contains("account-menu");
    }

    @Test
    void anUnknownUrlOffersASearchBoxInTheReadersLanguage() throws Exception {
        String[][] languages = {
            {"en", "Not found", "Search posts, products and people"},
            {"fr", "Page introuvable", "Rechercher des publications, des produits et des personnes"}
        };
        for (String[] language : languages) {
            var response = visitor.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/robots-of-the-past/unknown"))
                            .header("Accept-Language", language[0])
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(language[0]).isEqualTo(404);
            assertThat(cookies(response)).as(language[0]).isEmpty();
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("html").attr("lang")).isEqualTo(language[0]);
            assertThat(page.select("main h1").text()).isEqualTo(language[1]);
            assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
            var search = page.select("main form[role=search]");
            assertThat(search.attr("action")).isEqualTo("/search");
            assertThat(search.attr("method")).isEqualTo("get");
            assertThat(search.select("input[type=search][name=q]")).hasSize(1);
            assertThat(search.select("label[for=search-q]").text()).isEqualTo(language[2]);
        }
    }

    @Test
    void aPostTakenDownOrDeletedIsGoneForVisitorsButStillItsAuthorsAfterATakedown() throws Exception {
        long hidden = fixtures.post(author, "A lamp the team took down #gonepost");
        posts.hide(hidden, "Counterfeit lamp");
        long deleted = fixtures.post(author, "A lamp its author deleted #gonepost");
        posts.delete(author.id(), deleted);
        for (long id : new long[] {hidden, deleted}) {
            var response = get(visitor, "/posts/" + id, "Accept", "text/html");
            assertThat(response.statusCode()).as("post %d", id).isEqualTo(410);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("main h1").text()).isEqualTo("Removed");
            assertThat(page.text())
                    .contains("This post was here, but it has been deleted or taken down.")
                    .doesNotContain("A lamp", "Counterfeit");
            assertThat(page.select("main form[role=search] input[name=q]")).hasSize(1);
            assertThat(cookies(response)).isEmpty();
        }
        // a post that never existed stays a 404
        assertThat(get(visitor, "/posts/" + (deleted + 1000)).statusCode()).isEqualTo(404);
        // the author still sees the hidden post, marked removed with the reason
        var browser = browser();
        logIn(browser, author);
        var own = get(browser, "/posts/" + hidden);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(own.body()).select(".flash.problem").text()).contains("Counterfeit lamp");
        assertThat(get(browser, "/posts/" + deleted).statusCode()).isEqualTo(410);
    }

    @Test
    void theFaviconIsAnIcon() throws Exception {
        var response = visitor.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/favicon.ico"))
                        .header("Accept", "image/avif,image/webp,image/*,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).isIn("image/x-icon", "image/vnd.microsoft.icon"));
        // an ICO file: reserved 0, type 1 (icon)
        assertThat(Arrays.copyOf(response.body(), 4)).containsExactly(0, 0, 1, 0);
    }

    @Test
    void staticFilesHaveContentHashedUrlsCachedForAYear() throws Exception {
        Document page = Jsoup.parse(get(visitor, "/").body());
        List<String> urls = List.of(
                page.select("link[rel=stylesheet]").attr("href"),
                page.select("link[rel=icon]").attr("href"),
                // a visitor's page names htmx for app.js to fetch once the page has loaded
                page.select("script[src*=app]").attr("data-htmx"),
                page.select("script[src*=app]").attr("src"));
        assertThat(urls.get(0)).matches("/css/app-[0-9a-f]{32}\\.css");
        assertThat(urls.get(1)).matches("/img/favicon-[0-9a-f]{32}\\.svg");
        assertThat(urls.get(2)).matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min-[0-9a-f]{32}\\.js");
        assertThat(urls.get(3)).matches("/js/app-[0-9a-f]{32}\\.js");
        for (String url : urls) {
            var response = get(visitor, url);
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.headers().allValues("Cache-Control")).as(url).hasSize(1);
            assertThat(response.headers()
                            .firstValue("Cache-Control")
                            .orElseThrow()
                            .split(",\\s*"))
                    .as(url)
                    .containsExactlyInAnyOrder("public", "max-age=31536000", "immutable");
            assertThat(response.headers().firstValue("Pragma")).as(url).isEmpty();
            assertThat(response.headers().firstValue("Expires")).as(url).isEmpty();
            assertThat(cookies(response)).as(url).isEmpty();
        }
        // the same bytes as at the plain URL; a wrong hash is no file
        assertThat(get(visitor, urls.get(0)).body())
                .isEqualTo(get(visitor, "/css/app.css").body());
        assertThat(get(visitor, "/css/app-0123456789abcdef0123456789abcdef.css").statusCode())
                .isEqualTo(404);
    }

    private HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private HttpResponse<String> logIn(HttpClient browser, TestAccount account) throws Exception {
        String token = csrfField(get(browser, "/login").body());
        var response = browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("login=" + encode(account.email()) + "&password="
                                + encode(Fixtures.PASSWORD) + "&_csrf=" + encode(token)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        return response;
    }

    private static String csrfField(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The session cookie (Spring Session's), or the servlet container's own, which nothing may open either. */
    private static boolean isSession(String setCookie) {
        return setCookie.startsWith(SessionCookie.NAME + "=") || setCookie.startsWith("JSESSIONID=");
    }
}
