package io.sparkfeed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.catalog.ProductDraft;
import io.sparkfeed.feed.Search;
import io.sparkfeed.moderation.CatalogAdmin;
import io.sparkfeed.moderation.Enthusiasts;
import io.sparkfeed.moderation.Moderation;
import io.sparkfeed.moderation.ReportReason;
import io.sparkfeed.moderation.ReportTarget;
import io.sparkfeed.moderation.Reports;
import io.sparkfeed.posts.Disclosure;
import io.sparkfeed.posts.PostContent;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.shop.Checkout;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.shop.Purchase;
import io.sparkfeed.shop.ShippingAddress;
import io.sparkfeed.shop.ShippingAddresses;
import io.sparkfeed.support.Browser;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The XSS corpus ({@link XssPayloads}) goes through every text input: display names, captions, alt texts,
 * hashtags, comments, search, report details, product fields (admin) and shipping addresses. Then the pages that
 * show them are opened in Chromium with the Content-Security-Policy bypassed (it would hide an escaping mistake):
 * no payload may run ({@code xss(n)} or {@code alert}), no element or attribute from user text may exist (event
 * handlers, scripts, frames, {@code javascript:} URLs, live htmx attributes), no Thymeleaf expression may be
 * evaluated on the server, and the payloads must be there, shown as text.
 */
class XssBrowserTests extends IntegrationTest {

    /** Defined before any page script runs: records what a payload would call. */
    private static final String TRAP = """
            window.__xss = [];
            window.xss = n => window.__xss.push('xss(' + n + ')');
            window.alert = window.confirm = window.prompt = m => window.__xss.push('alert(' + m + ')');
            """;

    /** Elements and attributes that user text must never have made, in the rendered DOM. */
    private static final String INJECTED = """
            const found = [];
            const url = /^\\s*(javascript|data|vbscript):/i;
            for (const el of document.querySelectorAll('*')) {
              for (const a of el.attributes) {
                const n = a.name.toLowerCase();
                const v = a.value;
                if (n.startsWith('on') || n.startsWith('hx-on') || n.startsWith('data-hx-on') || n === '_'
                    || n === 'x-init' || n === 'srcdoc' || n === 'formaction') {
                  found.push(el.tagName + '[' + n + ']');
                } else if ((n.startsWith('hx-') || n.startsWith('data-hx-'))
                    && (/^\\s*([/]xss-hx-|[/]logout|[/]me[/]logout|js:)/i.test(v) || /-(vals|headers)$/.test(n))) {
                  found.push(el.tagName + '[' + n + '=' + v + ']');
                } else if (['href', 'src', 'action', 'data', 'xlink:href'].includes(n) && url.test(v)) {
                  found.push(el.tagName + '[' + n + '=' + v + ']');
                } else if (n === 'style' && /xss|expression|javascript|position:\\s*fixed/i.test(v)) {
                  found.push(el.tagName + '[style=' + v + ']');
                }
              }
            }
            // the page's own structured data is a data block the browser never runs: one at most, whole JSON
            // with no raw '<' in it (so nothing closed it early); any other inline script is injected
            const data = [...document.querySelectorAll('script[type="application/ld+json"]')];
            const whole = (s) => { try { JSON.parse(s.textContent); return !s.textContent.includes('<'); }
                                   catch (e) { return false; } };
            for (const s of document.querySelectorAll('script')) {
              const ownData = data.length === 1 && s === data[0] && !s.src && whole(s);
              if (!ownData && (!s.src || new URL(s.src).origin !== location.origin)) {
                found.push('script:' + s.outerHTML);
              }
            }
            for (const s of document.querySelectorAll('style')) {
              if (/xss|javascript|display:\\s*none/i.test(s.textContent)) found.push('style:' + s.textContent);
            }
            for (const e of document.querySelectorAll(
                'iframe, frame, object, embed, base, isindex, marquee, math, meta[http-equiv], link[rel=import]')) {
              found.push(e.outerHTML);
            }
            // what htmx or the browser fetched because of user text
            for (const r of performance.getEntriesByType('resource')) {
              const u = new URL(r.name);
              if (u.origin !== location.origin || /^[/](xss-hx-|logout|me[/]logout)/.test(u.pathname)) {
                found.push('request:' + r.name);
              }
            }
            return found;
            """;

    /** What a person reads on the page, with the values of its form fields. */
    private static final String SHOWN = """
            return document.body.innerText + '\\n' + Array.from(document.querySelectorAll('input, textarea'))
                .map(f => f.value).join('\\n');
            """;

    @Autowired
    Posts posts;

    @Autowired
    Reports reports;

    @Autowired
    CatalogAdmin catalog;

    @Autowired
    Reactions reactions;

    @Autowired
    Orders orders;

    @Autowired
    ShippingAddresses addresses;

    @Autowired
    Enthusiasts enthusiasts;

    @Autowired
    Moderation moderation;

    private final List<String> visited = new ArrayList<>();
    /** What went wrong on every page, so that one run shows all of it. */
    private final List<String> problems = new ArrayList<>();

    @Test
    void noPayloadRunsOnAnyPageThatShowsUserText() throws Exception {
        List<String> payloads = XssPayloads.ALL;
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(100);
        System.clearProperty(XssPayloads.SERVER_MARKER);
        var admin = fixtures.admin();
        var owner = fixtures.primeMember();

        // product fields, through the admin's catalog service (its checks included)
        List<String> titles = XssPayloads.packed(160);
        List<String> brands = XssPayloads.packed(80);
        List<String> categories = XssPayloads.packed(40);
        List<String> descriptions = XssPayloads.packed(4000);
        int productCount = Stream.of(titles, brands, categories, descriptions)
                .mapToInt(List::size)
                .max()
                .orElseThrow();
        List<Long> products = new ArrayList<>();
        asAdmin(admin, () -> {
            for (int i = 0; i < productCount; i++) {
                products.add(catalog.create(
                        admin.id(),
                        new ProductDraft(
                                at(titles, i, "Title " + i),
                                at(brands, i, "Brand"),
                                new BigDecimal("1.00"),
                                "USD",
                                at(descriptions, i, ""),
                                at(categories, i, "misc"),
                                1000,
                                true,
                                List.of()),
                        null));
            }
        });

        // captions (with their hashtags) and alt texts, each post tagging one of those products
        List<String> captions = XssPayloads.packed(PostContent.MAX_CAPTION);
        List<String> alts = XssPayloads.packed(PostContent.MAX_ALT);
        List<Long> postIds = new ArrayList<>();
        for (int i = 0; i < Math.max(captions.size(), alts.size()); i++) {
            var tag = new PostContent.Tag(
                    products.get(i % products.size()), new BigDecimal("0.5"), new BigDecimal("0.5"));
            postIds.add(posts.publish(
                    owner.id(),
                    new PostContent(
                            at(alts, i, "A photo"),
                            at(captions, i, "Photo"),
                            Disclosure.NONE,
                            null,
                            List.of(tag),
                            List.of(1)),
                    Fixtures.jpeg(200, 250, 9000 + i)));
        }
        long firstPost = postIds.get(0);

        // display names (as sign-up stores them) of accounts that each comment one payload on the first post;
        // a few of them report the posts with payload details
        List<String> names = XssPayloads.packed(60);
        List<String> details = XssPayloads.packed(1000);
        List<Long> reporters = new ArrayList<>();
        List<Long> commenters = new ArrayList<>();
        List<Long> comments = new ArrayList<>();
        String run = fixtures.uniqueHandle();
        for (int i = 0; i < payloads.size(); i++) {
            long account = jdbc.sql("""
                            insert into accounts (email, handle, display_name, password_hash)
                            values (?, ?, ?, '{noop}not-for-login') returning id""")
                    .params(run + "-" + i + "@example.test", run + "x" + i, at(names, i, "Commenter " + i))
                    .query(Long.class)
                    .single();
            fixtures.paidMembership(account, Duration.ofDays(30));
            comments.add(reactions.comment(account, firstPost, payloads.get(i)));
            commenters.add(account);
            if (i < details.size()) {
                reports.file(
                        account,
                        ReportTarget.POST,
                        postIds.get(i % postIds.size()),
                        ReportReason.OTHER,
                        details.get(i));
                reporters.add(account);
            }
        }
        // the queue shows the oldest reports first: these come first whatever other tests left open
        jdbc.sql("update reports set created_at = created_at - interval '20 years' where reporter_id in (:ids)")
                .param("ids", reporters)
                .update();

        // brands that paid for a post, disclosed above its caption (one post per account: a daily posting limit)
        List<String> disclosed = XssPayloads.packed(80);
        List<Long> disclosedPosts = new ArrayList<>();
        for (int i = 0; i < disclosed.size(); i++) {
            disclosedPosts.add(posts.publish(
                    commenters.get(i),
                    new PostContent(
                            "A photo", "Paid post " + i, Disclosure.PAID, disclosed.get(i), List.of(), List.of(1)),
                    Fixtures.jpeg(200, 250, 9200 + i)));
        }

        // enthusiast applications (pitch, interests, links) by some of those accounts; the queue shows the oldest
        List<String> pitches = XssPayloads.packed(2000);
        List<String> fields = XssPayloads.packed(500);
        List<String> links = XssPayloads.packed(1000);
        List<Long> applicants = new ArrayList<>();
        for (int i = 0;
                i < Stream.of(pitches, fields, links).mapToInt(List::size).max().orElseThrow();
                i++) {
            enthusiasts.apply(
                    commenters.get(i),
                    at(pitches, i, "Twenty characters of pitch at least"),
                    at(fields, i, "desks"),
                    at(links, i, ""));
            applicants.add(commenters.get(i));
        }
        jdbc.sql("update enthusiast_applications set created_at = created_at - interval '20 years'"
                        + " where account_id in (:ids)")
                .param("ids", applicants)
                .update();

        // an admin's reasons: for hiding posts (their author is told why, the audit log keeps it) and a comment
        List<String> reasons = XssPayloads.packed(1000);
        var moderated = fixtures.primeMember();
        List<Long> toHide = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            toHide.add(posts.publish(
                    moderated.id(),
                    new PostContent("A photo", "To hide " + i, Disclosure.NONE, null, List.of(), List.of(1)),
                    Fixtures.jpeg(200, 250, 9500 + i)));
        }
        asAdmin(admin, () -> {
            for (int i = 0; i < reasons.size(); i++) {
                moderation.hidePost(admin.id(), toHide.get(i), reasons.get(i));
            }
            moderation.hideComment(admin.id(), comments.get(0), reasons.get(0));
        });

        // shipping addresses, through the buyer's orders (each cancelled at once, so no cap on open orders bites)
        List<String> lines = XssPayloads.packed(200);
        List<String> shortNames = XssPayloads.packed(100);
        List<String> countries = XssPayloads.packed(60);
        List<String> postcodes = XssPayloads.packed(20);
        List<Long> orderIds = new ArrayList<>();
        for (int i = 0; i * 2 < lines.size(); i++) {
            var address = new ShippingAddress(
                    at(shortNames, i, "Name"),
                    lines.get(2 * i),
                    at(lines, 2 * i + 1, ""),
                    at(shortNames, i + lines.size() / 2, "City"),
                    at(postcodes, i, "75001"),
                    at(countries, i, "FR"));
            long order = orders.place(
                    owner.id(),
                    List.of(new Purchase(products.get(0), 1, null)),
                    new Checkout(address, "invoice", UUID.randomUUID().toString()));
            orders.cancel(owner.id(), order);
            orderIds.add(order);
        }
        addresses.save(
                owner.id(),
                new ShippingAddress(
                        shortNames.get(0),
                        lines.get(0),
                        lines.get(1),
                        shortNames.get(1),
                        postcodes.get(0),
                        countries.get(0)));

        try (Browser browser = trapped()) {
            browser.logIn(baseUrl(), owner);
            for (int i = 0; i < postIds.size(); i++) {
                // an alt text is no visible text: the caption, the brand and the tagged product are what it shows
                long product = products.get(i % products.size());
                check(
                        browser,
                        "/posts/" + postIds.get(i),
                        at(captions, i, null),
                        at(titles, products.indexOf(product), null));
            }
            for (int i = 0; i < disclosedPosts.size(); i++) {
                check(browser, "/posts/" + disclosedPosts.get(i), disclosed.get(i));
            }
            // every comment and its author's name, page after page of comments
            List<String> commentPages = new ArrayList<>();
            String next = "/posts/" + firstPost;
            while (next != null) {
                commentPages.add(check(browser, next));
                var more = browser.driver().findElements(By.cssSelector("#comments-more a"));
                next = more.isEmpty() ? null : more.get(0).getDomAttribute("href");
            }
            String allComments = String.join("\n", commentPages);
            Stream.concat(payloads.stream(), names.stream())
                    .filter(text -> !allComments.contains(text))
                    .forEach(text -> problems.add("comments: not shown as text: " + text));
            // the newest posts first: the paid ones, each card with its brand
            check(browser, "/", disclosed.get(disclosed.size() - 1));
            // cards show the start of a caption: the owner's posts on one page (the longest a link may ask for),
            // the newest ones (alt texts outnumber captions) captioned "Photo"
            assertThat(postIds).hasSizeLessThanOrEqualTo(50);
            check(browser, "/@" + owner.handle() + "?size=50", firstPayload(captions.get(captions.size() - 1)));
            check(browser, "/@" + run + "x0", names.get(0), disclosed.get(0));
            check(browser, "/tags/tag", firstPayload(captions.get(captions.size() - 1)));
            for (String query : XssPayloads.packed(Search.MAX_QUERY)) {
                rateLimits.forgetAll(); // more searches than one person may make a minute: not what is tested here
                check(browser, "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), query);
            }
            for (int i = 0; i < productCount; i++) {
                check(
                        browser,
                        "/products/" + products.get(i),
                        at(titles, i, null),
                        at(brands, i, null),
                        at(descriptions, i, null));
            }
            check(
                    browser,
                    "/checkout?product=" + products.get(0),
                    lines.get(0),
                    lines.get(1),
                    shortNames.get(0),
                    shortNames.get(1),
                    postcodes.get(0),
                    countries.get(0));
            for (int i = 0; i < orderIds.size(); i++) {
                check(
                        browser,
                        "/orders/" + orderIds.get(i),
                        lines.get(2 * i),
                        at(lines, 2 * i + 1, null),
                        at(shortNames, i, null),
                        at(postcodes, i, null),
                        at(countries, i, null));
            }
            check(browser, "/orders", (String) null);
            check(browser, "/notifications", (String) null);
        }
        try (Browser browser = trapped()) {
            browser.logIn(baseUrl(), moderated);
            check(browser, "/notifications", reasons.toArray(String[]::new));
        }
        try (Browser browser = trapped()) {
            browser.logIn(baseUrl(), admin);
            check(browser, "/posts/" + firstPost, reasons.get(0));
            check(browser, "/admin/reports", details.toArray(String[]::new));
            check(browser, "/admin/products", titles.toArray(String[]::new));
            for (int i = 0; i < productCount; i++) {
                // the category is only shown here, in its field
                check(
                        browser,
                        "/admin/products/" + products.get(i) + "/edit",
                        at(titles, i, null),
                        at(brands, i, null),
                        at(descriptions, i, null),
                        at(categories, i, null));
            }
            check(
                    browser,
                    "/admin/enthusiasts",
                    Stream.of(pitches, fields, links).flatMap(List::stream).toArray(String[]::new));
            for (String query : XssPayloads.packed(100)) {
                check(browser, "/admin/members?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), query);
            }
            check(browser, "/admin/audit", reasons.toArray(String[]::new));
            check(browser, "/admin/orders", (String) null);
        }

        assertThat(problems).isEmpty();
        assertThat(System.getProperty(XssPayloads.SERVER_MARKER))
                .as("a Thymeleaf expression ran")
                .isNull();
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(files.map(Path::getFileName).map(Path::toString).filter(f -> f.startsWith("sparkfeed-xss")))
                    .as("a Runtime.exec ran")
                    .isEmpty();
        }
        assertThat(visited).hasSizeGreaterThan(20);
    }

    /** Runs service calls that check the caller's role as the admin, as its requests would. */
    private static void asAdmin(Fixtures.TestAccount admin, Runnable calls) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        admin.principal(), null, admin.principal().getAuthorities()));
        try {
            calls.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A browser whose pages ignore the Content-Security-Policy and record what a payload would call. */
    private static Browser trapped() {
        Browser browser = new Browser();
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Page.enable", Map.of());
        chrome.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRAP));
        return browser;
    }

    /**
     * Opens the page and checks nothing ran or was injected, and each expected text is shown whole, as text (one
     * {@code th:utext} would turn some of it into markup); returns what the page shows.
     */
    private String check(Browser browser, String path, String... expected) throws InterruptedException {
        WebDriver page = browser.driver();
        page.get(path.startsWith("http") ? path : baseUrl() + path);
        visited.add(path);
        Thread.sleep(100); // onerror, onfocus, htmx's load triggers: they fire right after the load
        var js = (JavascriptExecutor) page;
        if (!(js.executeScript("return window.__xss") instanceof List<?> calls) || !calls.isEmpty()) {
            problems.add(path + ": payloads ran " + js.executeScript("return window.__xss"));
        }
        if (!(js.executeScript(INJECTED) instanceof List<?> injected) || !injected.isEmpty()) {
            problems.add(path + ": injected " + js.executeScript(INJECTED));
        }
        if (page.getPageSource().contains(XssPayloads.EVALUATED)) {
            problems.add(path + ": a Thymeleaf expression was evaluated");
        }
        String shown = (String) js.executeScript(SHOWN);
        for (String text : expected) {
            // a style may show a text in capitals (brands): the characters are what must be there
            if (text != null && !shown.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                problems.add(path + ": not shown as text: " + text);
            }
        }
        try {
            page.switchTo().alert();
            problems.add(path + ": an alert is open");
        } catch (NoAlertPresentException expectedNone) {
            // as it should be
        }
        if (path.startsWith("/posts/")) {
            browser.screenshot("xss-post-desktop");
        }
        if (path.equals("/") || path.startsWith("/tags/")) {
            // a long unbroken payload wraps inside its card: the feed's columns keep the window's width
            long[] widths = browser.widths();
            long scroll = widths[0];
            long width = widths[1];
            if (scroll > width + 1) {
                problems.add(path + ": " + scroll + " px wide in a window of " + width);
                browser.screenshot("xss-feed-too-wide");
            }
        }
        return shown;
    }

    private static String firstPayload(String packed) {
        return XssPayloads.ALL.stream().filter(packed::startsWith).findFirst().orElseThrow();
    }

    private static String at(List<String> values, int i, String otherwise) {
        return i < values.size() ? values.get(i) : otherwise;
    }
}
