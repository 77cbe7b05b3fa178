package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a crawler reads over HTTP: robots.txt names what to leave alone and where the sitemap is; the sitemap index
 * leads to every public post, profile, product, interest and hashtag with when it changed, and to nothing hidden,
 * suspended or off sale; no answer opens a session or sets a cookie.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapTests extends IntegrationTest {

    private final HttpClient crawler = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Autowired
    private Posts posts;

    @Autowired
    private Accounts accounts;

    private TestAccount author;
    private TestAccount suspended;
    private long visible;
    private long hidden;
    private long onSale;
    private long offSale;

    @BeforeAll
    void publicAndHiddenThings() {
        author = fixtures.enthusiast();
        visible = fixtures.postIn(3, author, "A pan I love #sitemapvisible #café");
        hidden = fixtures.post(author, "Taken down #sitemaphiddenonly");
        posts.hide(hidden, "Spam");
        suspended = fixtures.enthusiast();
        accounts.suspend(suspended.id(), "Fraud");
        onSale = product("Sitemap kettle", true);
        offSale = product("Sitemap toaster", false);
    }

    private long product(String title, boolean active) {
        return jdbc.sql("""
                        insert into products (title, brand, price, currency, category, stock, active)
                        values (?, 'Acme', 12.50, 'USD', 'home', 3, ?) returning id""").params(title, active).query(Long.class).single();
    }

    private HttpResponse<String> get(String pathOrUrl) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl() + pathOrUrl;
        return crawler.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> ok(String pathOrUrl, String type) throws Exception {
        var response = get(pathOrUrl);
        assertThat(response.statusCode()).as(pathOrUrl).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(pathOrUrl)
                .hasValueSatisfying(t -> assertThat(t).startsWith(type));
        assertThat(response.headers().allValues("Set-Cookie")).as(pathOrUrl).isEmpty();
        assertThat(response.headers().firstValue("Cache-Control")).as(pathOrUrl).contains("max-age=3600, public");
        return response;
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfPersonalRoutesAndNamesTheSitemap() throws Exception {
        String robots = ok("/robots.txt", "text/plain").body();
        List<String> lines = robots.lines().toList();
        assertThat(lines).first().isEqualTo("User-agent: *");
        assertThat(lines)
                .contains(
                        "Disallow: /admin",
                        "Disallow: /cart",
                        "Disallow: /checkout",
                        "Disallow: /orders",
                        "Disallow: /notifications",
                        "Disallow: /me/",
                        "Allow: /",
                        "Sitemap: " + baseUrl() + "/sitemap.xml");
        // read as a crawler reads it (RFC 9309: a rule is a path prefix, * any characters)
        List<Pattern> disallowed = lines.stream()
                .filter(line -> line.startsWith("Disallow: "))
                .map(line -> Pattern.compile(
                        Pattern.quote(line.substring("Disallow: ".length())).replace("*", "\\E.*\\Q") + ".*"))
                .toList();
        for (String open : new String[] {
            "/",
            "/posts/12",
            "/products/5",
            "/@maya",
            "/tags/cozy",
            "/interests/home",
            "/search?q=lamp",
            "/login",
            "/signup",
            "/prime",
            "/sitemap.xml",
            "/media/0123/640.jpg"
        }) {
            assertThat(disallowed).as(open).noneMatch(rule -> rule.matcher(open).matches());
        }
        for (String closed : new String[] {
            "/cart",
            "/checkout",
            "/orders/5",
            "/notifications",
            "/me/stats",
            "/admin/reports",
            "/posts/12/edit",
            "/posts/new"
        }) {
            assertThat(disallowed)
                    .as(closed)
                    .anyMatch(rule -> rule.matcher(closed).matches());
        }
    }

    @Test
    void theSitemapLeadsToEveryPublicPageAndNothingHidden() throws Exception {
        Document index = xml(ok("/sitemap.xml", "application/xml").body());
        assertThat(index.selectFirst("sitemapindex").attr("xmlns"))
                .isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        List<String> sitemaps = index.select("sitemap > loc").eachText();
        assertThat(sitemaps)
                .contains(
                        baseUrl() + "/sitemap-posts.xml?page=0",
                        baseUrl() + "/sitemap-profiles.xml?page=0",
                        baseUrl() + "/sitemap-products.xml?page=0",
                        baseUrl() + "/sitemap-hashtags.xml?page=",
                        baseUrl() + "/sitemap-pages.xml?page=0");

        List<Element> urls = new ArrayList<>();
        for (String sitemap : sitemaps) {
            Document page = xml(ok(sitemap, "application/xml").body());
            assertThat(page.select("urlset > url")).as(sitemap).hasSizeBetween(1, 50_000);
            urls.addAll(page.select("urlset > url"));
        }
        List<String> locs = urls.stream().map(u -> u.selectFirst("loc").text()).toList();
        assertThat(locs).doesNotHaveDuplicates();
        assertThat(locs)
                .contains(
                        baseUrl() + "/",
                        baseUrl() + "/interests",
                        baseUrl() + "/interests/cooking",
                        baseUrl() + "/posts/" + visible,
                        baseUrl() + "/@" + author.handle(),
                        baseUrl() + "/products/" + onSale,
                        baseUrl() + "/tags/sitemapvisible",
                        baseUrl() + "/tags/caf%C3%A9")
                .doesNotContain(
                        baseUrl() + "/posts/" + hidden,
                        baseUrl() + "/@" + suspended.handle(),
                        baseUrl() + "/products/" + offSale,
                        baseUrl() + "/tags/sitemaphiddenonly");

        // a post's lastmod is when it last changed, in W3C date-time
        Element post = urls.get(locs.indexOf(baseUrl() + "/posts/" + visible));
        String lastmod = post.selectFirst("lastmod").text();
        assertThat(lastmod).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(Instant.parse(lastmod))
                .isEqualTo(jdbc.sql("select date_trunc('second', updated_at) from posts where id = ?")
                        .param(visible)
                        .query(Timestamp.class)
                        .single()
                        .toInstant());
        // a hashtag's and a profile's: their newest visible post
        assertThat(urls.get(locs.indexOf(baseUrl() + "/tags/sitemapvisible")).selectFirst("lastmod"))
                .isNotNull();
        assertThat(urls.get(locs.indexOf(baseUrl() + "/@" + author.handle())).selectFirst("lastmod"))
                .isNotNull();
    }

    @Test
    void aSitemapPageThatCannotExistIsA404() throws Exception {
        for (String path : new String[] {
            "/sitemap-nothing.xml?page=0",
            "/sitemap-posts.xml?page=abc",
            "/sitemap-posts.xml?page=99999999999999999999",
            "/sitemap-posts.xml",
            "/sitemap-hashtags.xml?page=%3Cscript%3E"
        }) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    private static Document xml(String body) {
        return Jsoup.parse(body, "", Parser.xmlParser());
    }
}
