package io.sparkfeed.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
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
                .andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"))
                // HSTS only over https (behind the proxy, X-Forwarded-Proto makes the request secure)
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/").secure(true))
                .andExpect(header().string("Strict-Transport-Security", Matchers.containsString("max-age=31536000")));
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
