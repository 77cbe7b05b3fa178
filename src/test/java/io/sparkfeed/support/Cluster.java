package io.sparkfeed.support;

import io.sparkfeed.SparkfeedApplication;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.media.Images;
import io.sparkfeed.moderation.CatalogAdmin;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.shop.Orders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.FileSystemUtils;

/**
 * Two instances of Sparkfeed on the test database and one bucket (S3Mock), as behind a load balancer with no sticky
 * sessions: each a whole application context with its own web server and its own, empty, data folder. Started once
 * for the whole test run, on first use, and closed when the run ends: a test class extends {@link ClusterTest} (or
 * asks for a {@code Cluster.Instances} parameter with {@code @ExtendWith(Cluster.class)}).
 * Besides the shared test context, these two are the only Spring contexts of the run. The second routes its
 * read-only transactions to a replica pool (on the same database), so every cluster test runs with and without it.
 */
public final class Cluster implements ParameterResolver {

    private static final Path FOLDERS = Path.of("target/cluster-test");

    /** The instance whose read-only transactions go to a replica pool ({@code sparkfeed.datasource.replica.url}). */
    public static final String WITH_REPLICA = "two";

    /** The replica pool's {@code application_name}. */
    public static final String REPLICA = "sparkfeed-replica";

    private static final HttpClient http = HttpClient.newHttpClient();

    /** The two running instances; closed with the test run. */
    public record Instances(ConfigurableApplicationContext one, ConfigurableApplicationContext two)
            implements AutoCloseable {

        @Override
        public void close() {
            Stream.of(one, two).forEach(ConfigurableApplicationContext::close);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Instances.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(Cluster.class))
                .computeIfAbsent(Instances.class, key -> start(), Instances.class);
    }

    private static Instances start() {
        FileSystemUtils.deleteRecursively(FOLDERS.toFile());
        // the two instances start side by side; S3Mock too (the instances reach it only on their first photo)
        CompletableFuture<URI> store = CompletableFuture.supplyAsync(S3MockServer::endpoint);
        String prefix = "cluster-" + UUID.randomUUID() + "/";
        CompletableFuture<ConfigurableApplicationContext> first =
                CompletableFuture.supplyAsync(() -> instance("one", store.join(), prefix));
        ConfigurableApplicationContext two = instance("two", store.join(), prefix);
        return new Instances(first.join(), two);
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
        properties.put("sparkfeed.media.storage", "s3");
        properties.put("sparkfeed.media.s3.bucket", S3MockServer.BUCKET);
        properties.put("sparkfeed.media.s3.endpoint", store.toString());
        properties.put("sparkfeed.media.s3.region", S3MockServer.REGION);
        properties.put("sparkfeed.media.s3.path-style", "true");
        properties.put("sparkfeed.media.s3.prefix", prefix);
        properties.put("sparkfeed.media.s3.access-key", S3MockServer.ACCESS_KEY);
        properties.put("sparkfeed.media.s3.secret-key", S3MockServer.SECRET_KEY);
        if (name.equals(WITH_REPLICA)) {
            // read-only transactions on a second pool, to the same database under another name
            properties.put(
                    "sparkfeed.datasource.replica.url",
                    database.url() + (database.url().contains("?") ? "&" : "?") + "ApplicationName=" + REPLICA);
        }
        // as arguments, so they win over the test profile's (its data folder is the shared context's)
        return new SpringApplicationBuilder(SparkfeedApplication.class, LockedJob.class)
                .profiles("test")
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }

    /** Test data made through the instance's own services. */
    public static Fixtures fixtures(ConfigurableApplicationContext instance) {
        return new Fixtures(
                instance.getBean(Accounts.class),
                instance.getBean(UserDetailsService.class),
                instance.getBean(JdbcClient.class),
                instance.getBean(Posts.class),
                instance.getBean(CatalogAdmin.class),
                instance.getBean(Images.class),
                instance.getBean(Orders.class),
                instance.getBean(Catalog.class));
    }

    public static String base(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }

    /** A GET on the instance, as a visitor (no cookie). */
    public static HttpResponse<byte[]> get(ConfigurableApplicationContext instance, String path)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base(instance) + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A scheduled job guarded like the application's own (ShedLock, the application's lock provider), registered in
     * these two instances only: it counts its runs across both, in this JVM. It never comes due by itself; a test
     * calls it through the bean, as the scheduler would.
     */
    public static class LockedJob {

        public static final AtomicInteger runs = new AtomicInteger();

        @Scheduled(fixedDelayString = "P1D", initialDelayString = "P1D")
        @SchedulerLock(name = "cluster-test-job", lockAtMostFor = "5m", lockAtLeastFor = "5m")
        public void run() throws InterruptedException {
            runs.incrementAndGet();
            // long enough for a second instance started at the same moment to find the lock taken
            Thread.sleep(200);
        }
    }
}
