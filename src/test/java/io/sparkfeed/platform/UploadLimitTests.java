package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Uploads over the limits, through the real server (Tomcat parses the multipart body, Spring Security checks the
 * CSRF token in it): the person gets the form back with the reason, and nothing is stored. MockMvc cannot show
 * this, as it hands over the parts already parsed.
 */
class UploadLimitTests extends IntegrationTest {

    private static final int MB = 1024 * 1024;

    /** A signed-in browser: cookies kept, redirects shown rather than followed. */
    private final class Session {

        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        Session(TestAccount account) throws Exception {
            String token = csrf(get("/login").body());
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("login=" + encode(account.email()) + "&password="
                                    + encode(Fixtures.PASSWORD) + "&_csrf=" + encode(token)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl() + path))
                            .header("Accept-Language", "en")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Submits the form of the page at {@code formPage} as a browser would, with the photo given. */
        HttpResponse<String> submitPostForm(String formPage, byte[] photo) throws Exception {
            String page = get(formPage).body();
            Matcher action = Pattern.compile(
                            "<form action=\"([^\"]+)\"\\s+method=\"post\"[^>]*enctype=\"multipart/form-data\"")
                    .matcher(page);
            assertThat(action.find())
                    .as("the multipart form on " + formPage + ":\n" + page)
                    .isTrue();
            String boundary = "----sparkfeed" + System.nanoTime();
            var body = new ByteArrayOutputStream();
            field(body, boundary, "_csrf", csrf(page));
            field(body, boundary, "altText", "A photo");
            field(body, boundary, "caption", "Too big?");
            field(body, boundary, "disclosure", "NONE");
            field(body, boundary, "interests", "2");
            body.writeBytes(
                    ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.jpg\"\r\n"
                                    + "Content-Type: image/jpeg\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(photo);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(
                    HttpRequest.newBuilder(
                                    URI.create(baseUrl() + action.group(1).replace("&amp;", "&")))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .header("Referer", baseUrl() + formPage)
                            .header("Accept-Language", "en")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A real JPEG padded with trailing bytes to the given size. */
    private static byte[] jpegOf(int size) {
        return Arrays.copyOf(Fixtures.jpeg(800, 600, size), size);
    }

    @Test
    void aPhotoOverTheImageLimitButUnderTheRequestLimitComesBackOnTheFormWithTheReason() throws Exception {
        TestAccount member = fixtures.primeMember();
        var session = new Session(member);
        long posts = count("select count(*) from posts");
        long images = count("select count(*) from images");

        var response = session.submitPostForm("/posts/new", jpegOf(11 * MB));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("This photo is larger than 10 MB. Upload a smaller file.")
                .contains("value=\"A photo\"");
        assertThat(count("select count(*) from posts")).isEqualTo(posts);
        assertThat(count("select count(*) from images")).isEqualTo(images);
    }

    @Test
    void aFileOverTheRequestLimitComesBackOnTheFormWithTheReason() throws Exception {
        TestAccount member = fixtures.primeMember();
        var session = new Session(member);
        long posts = count("select count(*) from posts");
        long images = count("select count(*) from images");

        var response = session.submitPostForm("/posts/new", jpegOf(30 * MB));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/posts/new"));
        var form = session.get(response.headers().firstValue("Location").orElseThrow());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("That file is far too large. Photos can be up to 10 MB.")
                .contains("enctype=\"multipart/form-data\"");
        assertThat(count("select count(*) from posts")).isEqualTo(posts);
        assertThat(count("select count(*) from images")).isEqualTo(images);
    }

    @Test
    void anAdminsProductPhotoOverTheRequestLimitComesBackOnTheFormWithTheReason() throws Exception {
        TestAccount admin = fixtures.admin();
        var session = new Session(admin);
        long products = count("select count(*) from products");
        long images = count("select count(*) from images");

        var response = session.submitPostForm("/admin/products/new", jpegOf(30 * MB));

        assertThat(response.statusCode()).isEqualTo(302);
        // back to the product form (which also posts to /admin/products/new, so a refused create shown again
        // there comes back to it as well), not to the list
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/admin/products/new");
        var form = session.get(location);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("That file is far too large. Photos can be up to 10 MB.")
                .contains("name=\"title\"");
        assertThat(count("select count(*) from products")).isEqualTo(products);
        assertThat(count("select count(*) from images")).isEqualTo(images);
    }
}
