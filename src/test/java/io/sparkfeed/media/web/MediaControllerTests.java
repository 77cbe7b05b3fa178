package io.sparkfeed.media.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.media.Images;
import io.sparkfeed.media.StoredImage;
import io.sparkfeed.media.TestImages;
import io.sparkfeed.posts.Disclosure;
import io.sparkfeed.posts.PostContent;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MediaControllerTests extends IntegrationTest {

    private static final AtomicInteger SEED = new AtomicInteger((int) (System.nanoTime() % 100_000) + 500_000);

    @Autowired
    Images images;

    @Autowired
    Posts posts;

    /** A photo a visible post shows (an image nothing shows is not served). */
    private StoredImage stored() {
        long post = posts.publish(
                fixtures.primeMember().id(),
                new PostContent("A photo", "", Disclosure.NONE, null, List.of(), List.of(1)),
                TestImages.jpeg(TestImages.quadrants(1200, 800, SEED.incrementAndGet())));
        String key = jdbc.sql("select image_key from posts where id = ?")
                .param(post)
                .query(String.class)
                .single();
        return images.find(key).orElseThrow();
    }

    @Test
    void anImageNothingShowsIsNotServed() throws Exception {
        StoredImage image = images.store(TestImages.jpeg(TestImages.quadrants(600, 400, SEED.incrementAndGet())));
        mvc.perform(get(image.url(320))).andExpect(status().isNotFound());
        mvc.perform(get(image.url(320)).with(fixtures.admin().login()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"));
    }

    @Test
    void servesADerivativeToAnyoneForAYear() throws Exception {
        StoredImage image = stored();
        byte[] body = mvc.perform(get("/media/" + image.key() + "/640.jpg"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"))
                .andExpect(header().string("ETag", "\"" + image.key() + "-640\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var pixels = TestImages.read(body);
        assertThat(pixels.getWidth()).isEqualTo(640);
        assertThat(pixels.getHeight()).isEqualTo(427);
    }

    @Test
    void aBrowserThatHasTheFileGetsNotModified() throws Exception {
        StoredImage image = stored();
        mvc.perform(get(image.url(320)).header("If-None-Match", "\"" + image.key() + "-320\""))
                .andExpect(status().isNotModified())
                .andExpect(content().bytes(new byte[0]));
    }

    @Test
    void anUnknownKeyOrWidthIsNotFound() throws Exception {
        StoredImage image = stored();
        mvc.perform(get("/media/0123456789abcdef0123456789abcdef/640.jpg")).andExpect(status().isNotFound());
        mvc.perform(get("/media/" + image.key() + "/641.jpg")).andExpect(status().isNotFound());
        mvc.perform(get("/media/" + image.key() + "/0640.jpg")).andExpect(status().isNotFound());
        mvc.perform(get("/media/" + image.key().toUpperCase() + "/640.jpg")).andExpect(status().isNotFound());
        mvc.perform(get("/media/" + image.key() + "/640.png")).andExpect(status().isNotFound());
    }

    @Test
    void aDeletedImageIsNotFound() throws Exception {
        StoredImage image = images.store(TestImages.jpeg(TestImages.quadrants(1200, 800, SEED.incrementAndGet())));
        var admin = fixtures.admin();
        mvc.perform(get(image.url(640)).with(admin.login())).andExpect(status().isOk());
        images.delete(image.key());
        mvc.perform(get(image.url(640)).with(admin.login())).andExpect(status().isNotFound());
    }

    @Test
    void aPathTraversalGetsNothing() throws Exception {
        StoredImage image = stored();
        for (String path : new String[] {
            "/media/..%2F..%2F..%2Fetc%2Fpasswd/320.jpg",
            "/media/%2e%2e/%2e%2e/application.properties/320.jpg",
            "/media/" + image.key() + "/..%2F..%2F" + image.key() + "%2F320.jpg",
            "/media/" + image.key().substring(0, 2) + "%2F" + image.key() + "/320.jpg"
        }) {
            // through the real server too: the container and the firewall see the raw path there
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("root:").doesNotContain("spring.");
        }
        mvc.perform(get(URI.create("/media/..%2F..%2Fetc%2Fpasswd/320.jpg")))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(400, 404));
    }
}
