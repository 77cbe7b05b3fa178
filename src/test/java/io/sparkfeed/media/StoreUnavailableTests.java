package io.sparkfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.platform.SparkfeedProperties;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * A photo the store cannot take (an object store that is down, a full disk): the person gets the form back with a
 * readable reason and when to try again, and nothing is half-written: no post, no image row. The store here is the
 * data folder, made to fail for this one photo; the S3 store fails the same way (see S3ImageStorageTests).
 */
class StoreUnavailableTests extends IntegrationTest {

    @Autowired
    SparkfeedProperties sparkfeed;

    @Autowired
    MessageSource messages;

    @Test
    void aPhotoTheStoreCannotTakePublishesNothingAndSaysSo() throws Exception {
        var author = fixtures.primeMember();
        byte[] photo = Fixtures.jpeg(500, 400, (int) (System.nanoTime() % 1_000_000));
        String key = Images.key(photo);
        // a file where the photo's folder must go: every write of this photo fails
        Path blocked = sparkfeed
                .dataDir()
                .resolve("media")
                .resolve(key.substring(0, 2))
                .resolve(key);
        Files.createDirectories(blocked.getParent());
        Files.writeString(blocked, "in the way");
        try {
            var response = mvc.perform(Fixtures.newPostForm(author, photo, "kept when the store is down"))
                    .andReturn()
                    .getResponse();

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("5");
            var page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.select("[role=alert]").text())
                    .isEqualTo(messages.getMessage("image.busy.storage", new Object[] {5}, Locale.ENGLISH));
            assertThat(page.select("textarea[name=caption]").text()).isEqualTo("kept when the store is down");
            assertThat(count("select count(*) from posts where author_id = ?", author.id()))
                    .isZero();
            assertThat(count("select count(*) from images where key = ?", key)).isZero();
        } finally {
            Files.delete(blocked);
        }
    }
}
