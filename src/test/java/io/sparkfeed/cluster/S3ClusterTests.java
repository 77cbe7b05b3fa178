package io.sparkfeed.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.SparkfeedApplication;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.media.Images;
import io.sparkfeed.media.StoredImage;
import io.sparkfeed.media.TestImages;
import io.sparkfeed.media.storage.ImageStorage;
import io.sparkfeed.moderation.CatalogAdmin;
import io.sparkfeed.moderation.Moderation;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.S3MockServer;
import io.sparkfeed.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.FileSystemUtils;

/**
 * Two instances of Sparkfeed on one database and one bucket (S3Mock), as behind a load balancer with no sticky
 * sessions: each is a whole application context with its own web server and its own, empty, data folder. A photo
 * uploaded on one is served by the other, and a takedown on one withholds it on the other at once.
 */
class S3ClusterTests {

    private static final Path FOLDERS = Path.of("target/cluster-test");

    private static ConfigurableApplicationContext one;
    private static ConfigurableApplicationContext two;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        FileSystemUtils.deleteRecursively(FOLDERS);
        // the two instances start side by side; S3Mock too (the instances reach it only on their first photo)
        CompletableFuture<URI> store = CompletableFuture.supplyAsync(S3MockServer::endpoint);
        String prefix = "cluster-" + UUID.randomUUID() + "/";
        CompletableFuture<ConfigurableApplicationContext> first =
                CompletableFuture.supplyAsync(() -> instance("one", store.join(), prefix));
        two = instance("two", store.join(), prefix);
        one = first.join();
    }

    @AfterAll
    static void stop() {
        Stream.of(one, two).filter(c -> c != null).forEach(ConfigurableApplicationContext::close);
    }

    private static ConfigurableApplicationContext instance(String name, URI store, String prefix) {
        TestDatabase.Connection database = TestDatabase.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.flyway.user", database.ownerUsername());
        properties.put("spring.flyway.password", database.ownerPassword());
        properties.put("server.port", "0");
        properties.put("sparkfeed.data-dir", FOLDERS.resolve(name).toString());
        properties.put("sparkfeed.demo-data.enabled", "false");
        // the shared test context's events are its own business
        properties.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
        properties.put("sparkfeed.media.storage", "s3");
        properties.put("sparkfeed.media.s3.bucket", S3MockServer.BUCKET);
        properties.put("sparkfeed.media.s3.endpoint", store.toString());
        properties.put("sparkfeed.media.s3.region", S3MockServer.REGION);
        properties.put("sparkfeed.media.s3.path-style", "true");
        properties.put("sparkfeed.media.s3.prefix", prefix);
        properties.put("sparkfeed.media.s3.access-key", S3MockServer.ACCESS_KEY);
        properties.put("sparkfeed.media.s3.secret-key", S3MockServer.SECRET_KEY);
        return new SpringApplicationBuilder(SparkfeedApplication.class)
                .profiles("test")
                .properties(properties)
                .run();
    }

    private static Fixtures fixtures(ConfigurableApplicationContext instance) {
        return new Fixtures(
                instance.getBean(Accounts.class),
                instance.getBean(UserDetailsService.class),
                instance.getBean(JdbcClient.class),
                instance.getBean(Posts.class),
                instance.getBean(CatalogAdmin.class),
                instance.getBean(Images.class),
                instance.getBean(Orders.class));
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }

    private static HttpResponse<byte[]> get(ConfigurableApplicationContext instance, String path)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base(instance) + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The address of the post's photo as its page on {@code instance} shows it to a visitor. */
    private static String photoOnPage(ConfigurableApplicationContext instance, long post) throws Exception {
        HttpResponse<byte[]> page = get(instance, "/posts/" + post);
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
        TestAccount author = fixtures(one).primeMember();
        long post = fixtures(one).post(author, "Sent to instance one");

        String photo = photoOnPage(one, post);
        for (var instance : new ConfigurableApplicationContext[] {one, two}) {
            HttpResponse<byte[]> served = get(instance, photo);
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
        for (String name : new String[] {"one", "two"}) {
            assertThat(files(FOLDERS.resolve(name).resolve("media"))).isZero();
        }
    }

    @Test
    void aTakedownOnOneInstanceWithholdsThePhotoOnTheOtherAtOnce() throws Exception {
        TestAccount author = fixtures(two).primeMember();
        long post = fixtures(two).post(author, "Taken down on instance two");
        String photo = photoOnPage(two, post);
        assertThat(get(one, photo).statusCode()).isEqualTo(200);

        TestAccount admin = fixtures(two).admin();
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
            HttpResponse<byte[]> withheld = get(instance, photo);
            assertThat(withheld.statusCode()).isEqualTo(404);
            assertThat(withheld.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("image/");
        }
    }
}
