package io.sparkfeed.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.media.Images;
import io.sparkfeed.media.StoredImage;
import io.sparkfeed.media.TestImages;
import io.sparkfeed.media.storage.ImageStorage;
import io.sparkfeed.moderation.Moderation;
import io.sparkfeed.platform.SparkfeedProperties;
import io.sparkfeed.support.Cluster;
import io.sparkfeed.support.ClusterTest;
import io.sparkfeed.support.Fixtures.TestAccount;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Photos across two instances on one database and one bucket ({@link Cluster}): a photo uploaded on one is served
 * by the other, and a takedown on one withholds it on the other at once.
 */
class S3ClusterTests extends ClusterTest {

    /** The address of the post's photo as its page on {@code instance} shows it to a visitor. */
    private static String photoOnPage(ConfigurableApplicationContext instance, long post) throws Exception {
        HttpResponse<byte[]> page = Cluster.get(instance, "/posts/" + post);
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8))
                .select("img[src^=/media/]")
                .first()
                .attr("src");
    }

    private static String imageKey(ConfigurableApplicationContext instance, long post) {
        return instance.getBean(JdbcClient.class)
                .sql("select image_key from posts where id = ?")
                .param(post)
                .query(String.class)
                .single();
    }

    private static long files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aPhotoUploadedOnOneInstanceIsServedByTheOther() throws Exception {
        TestAccount author = Cluster.fixtures(one).primeMember();
        long post = Cluster.fixtures(one).post(author, "Sent to instance one");

        String photo = photoOnPage(one, post);
        for (var instance : new ConfigurableApplicationContext[] {one, two}) {
            HttpResponse<byte[]> served = Cluster.get(instance, photo);
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(TestImages.read(served.body()).getWidth()).isPositive();
        }
        // the page of the other instance shows the same photo
        assertThat(photoOnPage(two, post)).isEqualTo(photo);

        // in the bucket, not in either instance's folder
        StoredImage image = two.getBean(Images.class).find(imageKey(one, post)).orElseThrow();
        for (int width : image.widths()) {
            assertThat(two.getBean(ImageStorage.class).exists(image.key(), width))
                    .isTrue();
        }
        for (var instance : new ConfigurableApplicationContext[] {one, two}) {
            assertThat(files(instance.getBean(SparkfeedProperties.class)
                            .dataDir()
                            .resolve("media")))
                    .isZero();
        }
    }

    @Test
    void aTakedownOnOneInstanceWithholdsThePhotoOnTheOtherAtOnce() throws Exception {
        TestAccount author = Cluster.fixtures(two).primeMember();
        long post = Cluster.fixtures(two).post(author, "Taken down on instance two");
        String photo = photoOnPage(two, post);
        assertThat(Cluster.get(one, photo).statusCode()).isEqualTo(200);

        TestAccount admin = Cluster.fixtures(two).admin();
        var asAdmin = SecurityContextHolder.createEmptyContext();
        asAdmin.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                admin.principal(), null, admin.principal().getAuthorities()));
        SecurityContextHolder.setContext(asAdmin);
        try {
            two.getBean(Moderation.class).hidePost(admin.id(), post, "Spam");
        } finally {
            SecurityContextHolder.clearContext();
        }

        // the very next request, on the other instance: no cache of either instance keeps it public
        for (var instance : new ConfigurableApplicationContext[] {one, two}) {
            HttpResponse<byte[]> withheld = Cluster.get(instance, photo);
            assertThat(withheld.statusCode()).isEqualTo(404);
            assertThat(withheld.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("image/");
        }
    }
}
