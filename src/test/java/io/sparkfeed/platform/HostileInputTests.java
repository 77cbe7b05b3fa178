package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.StatementCounter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Hostile numbers and over-long text against every numeric and text field of every form, path and query string.
 * Each answer is a form error (422, or the form again with its problem) or a 400, never a 5xx, and nothing changes.
 * (How fast they come back is the benchmark's business, not a timed test's.)
 */
class HostileInputTests extends IntegrationTest {

    /** Numbers no form of ours sends. */
    static final List<String> NUMBERS = List.of(
            "1E-999999999",
            "1E999999999",
            "-1E-10000000",
            "NaN",
            "Infinity",
            "-0",
            "0x1p3",
            "0x10",
            "#10",
            "+1",
            "1e3",
            "1_0",
            "1".repeat(40),
            "9223372036854775808",
            "\uFF11\uFF12",
            "\u0663",
            "",
            " ",
            "\u00A0",
            "0.5.5",
            "--1");

    private static final Set<Integer> REFUSED = Set.of(400, 422);
    /** Over the longest text any form takes (a product description, 4000 characters). */
    private static final int LONGER_THAN_ANY_FIELD = 6_000;

    private int status(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static AbstractMockHttpServletRequestBuilder<?> withValue(
            AbstractMockHttpServletRequestBuilder<?> request,
            Map<String, String> fields,
            String hostile,
            String value) {
        fields.forEach((name, normal) -> request.param(name, name.equals(hostile) ? value : normal));
        return request;
    }

    private Map<String, String> postFields(long product) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("altText", "A desk");
        fields.put("caption", "my desk");
        fields.put("disclosure", "NONE");
        fields.put("interests", "2");
        fields.put("tagProduct", String.valueOf(product));
        fields.put("tagX", "0.5");
        fields.put("tagY", "0.5");
        return fields;
    }

    @Test
    void everyNumberOfThePostFormsIsReadStrictly() throws Exception {
        TestAccount author = fixtures.primeMember();
        long product = fixtures.product(0);
        long existing = fixtures.post(author, "to edit");
        byte[] photo = Fixtures.jpeg(64, 64, 7_001);
        for (String field : List.of("tagProduct", "tagX", "tagY", "interests")) {
            for (String value : NUMBERS) {
                if (field.equals("tagProduct") && value.isBlank()) {
                    continue; // a row without a product is no tag at all
                }
                long posts = count("select count(*) from posts where author_id = ?", author.id());
                var publish = multipart("/posts")
                        .file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", photo))
                        .with(author.login())
                        .with(csrf());
                assertThat(status(withValue(publish, postFields(product), field, value)))
                        .as("publish " + field + " = [" + value + "]")
                        .isIn(REFUSED);
                assertThat(count("select count(*) from posts where author_id = ?", author.id()))
                        .isEqualTo(posts);

                // the corpus is far more edits than one person may make: the edit limit is not what is tested here
                rateLimits.forgetAll();
                var edit = post("/posts/" + existing + "/edit")
                        .with(author.login())
                        .with(csrf());
                assertThat(status(withValue(edit, postFields(product), field, value)))
                        .as("edit " + field + " = [" + value + "]")
                        .isIn(REFUSED);
                assertThat(count("select count(*) from post_tags where post_id = ?", existing))
                        .isZero();
            }
        }
    }

    @Test
    void everyNumberOfTheProductFormIsReadStrictly() throws Exception {
        TestAccount admin = fixtures.admin();
        long product = fixtures.product(1);
        String price = jdbc.sql("select price::text from products where id = ?")
                .param(product)
                .query(String.class)
                .single();
        for (String field : List.of("price", "stock")) {
            for (String value : NUMBERS) {
                var fields = new LinkedHashMap<String, String>(Map.of(
                        "title",
                        "Hostile lamp",
                        "brand",
                        "Acme",
                        "price",
                        "10.00",
                        "currency",
                        "USD",
                        "description",
                        "",
                        "category",
                        "home",
                        "stock",
                        "3",
                        "active",
                        "true",
                        "reason",
                        "typo"));
                long products = count("select count(*) from products");
                var create =
                        multipart("/admin/products/new").with(admin.login()).with(csrf());
                assertThat(status(withValue(create, fields, field, value)))
                        .as("create " + field + " = [" + value + "]")
                        .isIn(REFUSED);
                assertThat(count("select count(*) from products")).isEqualTo(products);
                var update = multipart("/admin/products/" + product)
                        .with(admin.login())
                        .with(csrf());
                assertThat(status(withValue(update, fields, field, value)))
                        .as("update " + field + " = [" + value + "]")
                        .isIn(REFUSED);
                assertThat(jdbc.sql("select price::text from products where id = ?")
                                .param(product)
                                .query(String.class)
                                .single())
                        .isEqualTo(price);
            }
        }
    }

    @Test
    void interestsCartAndCheckoutNumbersAreReadStrictly() throws Exception {
        TestAccount buyer = fixtures.primeMember();
        long product = fixtures.product(2);
        mvc.perform(post("/cart")
                .param("product", String.valueOf(product))
                .param("quantity", "1")
                .with(buyer.login())
                .with(csrf()));
        long line = count("select id from cart_lines where account_id = ?", buyer.id());
        String interests = "select count(*) from account_interests where account_id = ?";
        String cart = "select coalesce(sum(quantity), 0) + count(*) from cart_lines where account_id = ?";
        for (String value : NUMBERS) {
            long chosen = count(interests, buyer.id());
            int status = status(post("/me/interests")
                    .param("interests", "1", "2", "3", "4", value)
                    .with(buyer.login())
                    .with(csrf()));
            assertThat(status).as("interests = [" + value + "]").isLessThan(500);
            assertThat(count(interests, buyer.id()))
                    .as("interests = [" + value + "]")
                    .isEqualTo(chosen);

            long before = count(cart, buyer.id());
            if (!value.isBlank()) { // a blank quantity is the default of one
                assertThat(status(post("/cart")
                                .param("product", String.valueOf(product))
                                .param("quantity", value)
                                .with(buyer.login())
                                .with(csrf())))
                        .as("cart quantity = [" + value + "]")
                        .isIn(REFUSED);
            }
            assertThat(status(post("/cart")
                            .param("product", value)
                            .with(buyer.login())
                            .with(csrf())))
                    .as("cart product = [" + value + "]")
                    .isIn(REFUSED);
            assertThat(status(post("/cart/lines/" + line)
                            .param("quantity", value)
                            .with(buyer.login())
                            .with(csrf())))
                    .as("cart line quantity = [" + value + "]")
                    .isIn(REFUSED);
            assertThat(count(cart, buyer.id())).as("cart after [" + value + "]").isEqualTo(before);
            assertThat(status(get("/checkout").param("product", value).with(buyer.login())))
                    .as("checkout product = [" + value + "]")
                    .isIn(REFUSED);
        }
    }

    @Test
    void idsInPathsAndNumbersInQueryStringsAreReadStrictly() throws Exception {
        TestAccount admin = fixtures.admin();
        List<String> paths = List.of("/posts/%s", "/products/%s", "/orders/%s", "/admin/products/%s/edit");
        List<String> queries = List.of(
                "/?size=%s",
                "/search?q=desk&page=%s", "/admin/audit?before=%s", "/report?type=POST&id=%s", "/products/1?size=%s");
        List<String> failures = new ArrayList<>();
        for (String value : NUMBERS) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            for (String path : paths) {
                if (value.isBlank()) {
                    continue; // another address altogether
                }
                int status = status(get(String.format(path, encoded)).with(admin.login()));
                if (status != 400 && status != 404) {
                    failures.add(path + " [" + value + "] " + status);
                }
            }
            for (String query : queries) {
                int status = status(get(String.format(query, encoded)).with(admin.login()));
                // a blank value is the parameter's default
                if (status != 400 && !(value.isBlank() && status == 200)) {
                    failures.add(query + " [" + value + "] " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Every list with a position in its address refuses one it did not write (a hostile number, a foreign or
     * damaged cursor) with a 400 and the site's error page, instead of quietly showing the first page; a blank one
     * is the first page.
     */
    @Test
    void everyListRefusesAPositionItDidNotWrite() throws Exception {
        TestAccount admin = fixtures.admin();
        TestAccount member = fixtures.primeMember();
        long product = fixtures.product(3);
        long post = fixtures.post(member, "a list position #cursors", product);
        String own = jdbc.sql("select (extract(epoch from created_at) * 1000000)::bigint || '-' || id from posts"
                        + " where id = ?")
                .param(post)
                .query(String.class)
                .single();
        List<String> lists = List.of(
                "/?after=%s",
                "/?feed=everyone&after=%s",
                "/following?after=%s",
                "/interests/home?after=%s",
                "/tags/cursors?after=%s",
                "/products/" + product + "?after=%s",
                "/@" + member.handle() + "?after=%s",
                "/posts/" + post + "?comments=%s",
                "/search?q=desk&page=%s",
                "/admin/reports?after=%s",
                "/admin/reports?order=newest&after=%s",
                "/admin/audit?before=%s",
                "/admin/invoices?before=%s");
        List<String> foreign =
                new ArrayList<>(NUMBERS.stream().filter(v -> !v.isBlank()).toList());
        foreign.addAll(List.of(
                "1-",
                "-1",
                "1--1",
                own + "-POST",
                own + "x",
                "99999999999999999999-1",
                "1-99999999999999999999",
                own.replace("-", "-POST-") + "-",
                "0-0 ",
                "1E3-1",
                "\uFF11-1"));
        HttpClient http = HttpClient.newHttpClient();
        List<String> failures = new ArrayList<>();
        for (String list : lists) {
            for (String value : foreign) {
                rateLimits.forgetAll(); // far more searches than one person may make: not what is tested here
                String url = String.format(list, URLEncoder.encode(value, StandardCharsets.UTF_8));
                int status = status(get(url).with(admin.login()));
                if (status != 400) {
                    failures.add(url + " " + status);
                }
                if (!list.startsWith("/admin/") && !list.startsWith("/following")) {
                    // what a visitor gets from the real server: the site's error page
                    var page = http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + url)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (page.statusCode() != 400 || !page.body().contains("That did not work")) {
                        failures.add(url + " as a visitor " + page.statusCode());
                    }
                }
            }
            // blank is the first page, and a position the list wrote is read
            String written = list.startsWith("/admin/reports")
                    ? "1-POST-1"
                    : list.startsWith("/admin/") || list.startsWith("/search") ? "1" : own;
            for (String value : List.of("", written)) {
                String url = String.format(list, value);
                int status = status(get(url).with(admin.login()));
                if (status != 200) {
                    failures.add(url + " " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aMillionCharacterLoginIsRefusedBeforeAnyLookup() throws Exception {
        StatementCounter.reset();
        int status = status(post("/login")
                .param("login", "a".repeat(1_000_000))
                .param("password", "x")
                .with(csrf()));
        assertThat(status).isEqualTo(400);
        assertThat(StatementCounter.count()).isZero();
    }

    @Test
    void aFormBodyOverTheCapIsRefusedUnread() throws Exception {
        String body = "login=" + "a".repeat(70 * 1024) + "&password=x";
        StatementCounter.reset();
        assertThat(status(post("/login")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(body)
                        .with(csrf())))
                .isEqualTo(413);
        assertThat(StatementCounter.count()).isZero();
    }

    @Test
    void overLongTextInAnyFieldIsRefused() throws Exception {
        TestAccount member = fixtures.primeMember();
        TestAccount admin = fixtures.admin();
        long post = fixtures.post(member, "commented");
        String huge = "x".repeat(LONGER_THAN_ANY_FIELD);
        Map<String, AbstractMockHttpServletRequestBuilder<?>> requests = new LinkedHashMap<>();
        requests.put(
                "comment",
                post("/posts/" + post + "/comments")
                        .param("body", huge)
                        .with(member.login())
                        .with(csrf()));
        requests.put(
                "edit caption",
                post("/posts/" + post + "/edit")
                        .params(form(postFields(fixtures.product(0))))
                        .param("caption", huge)
                        .with(member.login())
                        .with(csrf()));
        requests.put(
                "publish caption",
                multipart("/posts")
                        .file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", Fixtures.jpeg(300, 300, 7_777)))
                        .param("caption", huge)
                        .param("altText", "a")
                        .param("interests", "1")
                        .with(member.login())
                        .with(csrf()));
        requests.put(
                "report details",
                post("/report")
                        .param("type", "POST")
                        .param("id", String.valueOf(post))
                        .param("reason", "SPAM")
                        .param("details", huge)
                        .with(member.login())
                        .with(csrf()));
        requests.put("search", get("/search").param("q", huge));
        requests.put(
                "signup",
                post("/signup")
                        .param("email", huge + "@example.com")
                        .param("handle", "h")
                        .param("displayName", "n")
                        .param("password", "correct horse battery")
                        .with(csrf()));
        requests.put(
                "admin reason",
                post("/admin/moderation/posts/" + post + "/hide")
                        .param("reason", huge)
                        .with(admin.login())
                        .with(csrf()));
        requests.put(
                "product description",
                multipart("/admin/products/new")
                        .param("title", "t")
                        .param("description", huge)
                        .with(admin.login())
                        .with(csrf()));
        requests.put("members search", get("/admin/members").param("q", huge).with(admin.login()));
        List<String> failures = new ArrayList<>();
        for (var request : requests.entrySet()) {
            int status = status(request.getValue());
            if (status != 400 && status != 404) {
                failures.add(request.getKey() + " " + status);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(count("select count(*) from comments where post_id = ?", post))
                .isZero();
        assertThat(count("select count(*) from posts where author_id = ?", member.id()))
                .isEqualTo(1);
    }

    private static MultiValueMap<String, String> form(Map<String, String> fields) {
        var map = new LinkedMultiValueMap<String, String>();
        fields.forEach(map::add);
        return map;
    }
}
