package io.sparkfeed.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class WebSecurityTests extends IntegrationTest {

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScript() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andExpect(header().string(
                                "Content-Security-Policy", Matchers.not(Matchers.containsString("unsafe-inline"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Permissions-Policy", Matchers.containsString("camera=()")))
                // a visitor's page is the same for everyone: no opener policy (it would cost the phone a new process)
                .andExpect(header().doesNotExist("Cross-Origin-Opener-Policy"))
                // HSTS only over https (behind the proxy, X-Forwarded-Proto makes the request secure)
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/").secure(true))
                .andExpect(header().string("Strict-Transport-Security", Matchers.containsString("max-age=31536000")));
        // a signed-in reader's page cannot be reached by a window of another site
        mvc.perform(get("/").with(fixtures.primeMember().login()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")));
    }

    @Test
    void scriptsStylesAndPagesAreSentCompressed() throws Exception {
        var client = HttpClient.newHttpClient();
        var home = client.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Assertions.assertThat(home.headers().firstValue("Content-Encoding")).hasValue("gzip");
        var page = Jsoup.parse(new String(
                new GZIPInputStream(new ByteArrayInputStream(home.body())).readAllBytes(), StandardCharsets.UTF_8));
        // htmx too, which a visitor's page names (data-htmx) for app.js to fetch once it has loaded
        var assets = page.select("link[rel=stylesheet], script[src], script[data-htmx]").stream()
                .flatMap(element -> Stream.of(element.attr("src"), element.attr("href"), element.attr("data-htmx")))
                .filter(url -> !url.isEmpty())
                .toList();
        Assertions.assertThat(assets)
                .anyMatch(src -> src.contains("/htmx"))
                .anyMatch(src -> src.contains("/js/app"))
                .anyMatch(src -> src.endsWith(".css"));
        for (String asset : assets) {
            var response = client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + asset))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            Assertions.assertThat(response.headers().firstValue("Content-Encoding"))
                    .as(asset)
                    .hasValue("gzip");
        }
    }

    @Test
    void anUnknownPageIsA404InTheLayoutWithoutDetails() throws Exception {
        mvc.perform(get("/@nobody-with-this-handle")).andExpect(status().isNotFound());
        // the error page itself is rendered by the servlet container's error dispatch: ask the real server
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/@nobody-with-this-handle"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(response.statusCode()).isEqualTo(404);
        Assertions.assertThat(response.body())
                .contains("This page does not exist")
                .contains("Sparkfeed")
                .doesNotContain("Exception")
                .doesNotContain("at io.sparkfeed");
    }

    @Test
    void healthIsUpWithTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("UP")));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void aProfileShowsNameAndBadges() throws Exception {
        var enthusiast = fixtures.enthusiast();
        mvc.perform(get("/@" + enthusiast.handle()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Test " + enthusiast.handle())))
                .andExpect(content().string(Matchers.containsString("Enthusiast")))
                .andExpect(content().string(Matchers.containsString("badge-prime")));
    }
}
