package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.SparkfeedApplication;
import io.sparkfeed.accounts.AccountKind;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.NewAccount;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductDraft;
import io.sparkfeed.posts.Disclosure;
import io.sparkfeed.posts.PostContent;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.shop.Checkout;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.shop.Purchase;
import io.sparkfeed.shop.ShippingAddress;
import io.sparkfeed.support.Fixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * PostgreSQL stops while pages are served and orders and posts are written: pages answer the readable 503 page
 * while it is down, the app serves again within seconds of its return, and every order or post that was
 * acknowledged is there. Its own embedded PostgreSQL (stopped and started again on the same data directory and
 * port) and its own application context, so that the shared test database is never touched.
 */
class DatabaseOutageTests {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void pagesAnswer503WhileTheDatabaseIsDownAndNothingAcknowledgedIsLost() throws Exception {
        Path dataDirectory = Files.createTempDirectory("sparkfeed-outage-pg");
        Path appData = Files.createTempDirectory("sparkfeed-outage-app");
        int databasePort = freePort();
        EmbeddedPostgres database = start(dataDirectory, databasePort);
        ConfigurableApplicationContext app = null;
        ExecutorService load = Executors.newFixedThreadPool(4);
        try {
            // set up as the embedded default is: Flyway migrates as the owner, the app runs as a row-only role
            EmbeddedPostgresEnvironmentPostProcessor.createRuntimeRole(
                    database.getPostgresDatabase(), EmbeddedPostgresEnvironmentPostProcessor.RUNTIME_ROLE, null);
            // as command-line arguments: they outrank application.properties (builder properties do not)
            app = new SpringApplicationBuilder(SparkfeedApplication.class)
                    .run(
                            "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                            "--spring.datasource.username=" + EmbeddedPostgresEnvironmentPostProcessor.RUNTIME_ROLE,
                            "--spring.datasource.password=",
                            "--spring.flyway.user=postgres",
                            "--spring.flyway.password=",
                            "--sparkfeed.embedded-database.enabled=false",
                            "--sparkfeed.demo-data.enabled=false",
                            "--sparkfeed.data-dir=" + appData,
                            "--sparkfeed.posting.minimum-spend=0",
                            // the load writes more than one account may: the write limits are not what is tested here
                            "--sparkfeed.posting.max-posts-per-day=100000",
                            "--sparkfeed.shop.max-unpaid-orders=100000",
                            "--sparkfeed.stats.scheduled-flush=false",
                            "--server.port=0",
                            "--spring.jmx.enabled=false");
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Orders orders = app.getBean(Orders.class);
            Posts posts = app.getBean(Posts.class);
            long admin = account(app, jdbc, "outageadmin");
            long buyer = account(app, jdbc, "outagebuyer");
            long product = app.getBean(Catalog.class)
                    .create(
                            admin,
                            new ProductDraft(
                                    "Lamp",
                                    "Northwind",
                                    new BigDecimal("5.00"),
                                    "USD",
                                    "",
                                    "home",
                                    100_000,
                                    true,
                                    List.of()));
            long firstPost = posts.publish(admin, content("Before the outage"), Fixtures.jpeg(120, 150, 1));
            assertThat(get(base + "/posts/" + firstPost).statusCode()).isEqualTo(200);

            // load: visitors read pages, a buyer orders and an author posts, all the time
            Queue<Long> acknowledgedOrders = new ConcurrentLinkedQueue<>();
            Queue<Long> acknowledgedPosts = new ConcurrentLinkedQueue<>();
            Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            for (int reader = 0; reader < 2; reader++) {
                load.submit(() -> {
                    while (running.get()) {
                        statuses.add(silently(() -> get(base + "/").statusCode(), -1));
                    }
                });
            }
            load.submit(() -> {
                while (running.get()) {
                    silently(
                            () -> acknowledgedOrders.add(orders.place(
                                    buyer,
                                    List.of(new Purchase(product, 1, null)),
                                    new Checkout(
                                            new ShippingAddress("B", "1 St", "", "Paris", "75001", "FR"),
                                            "invoice",
                                            UUID.randomUUID().toString()))),
                            false);
                    pause();
                }
            });
            load.submit(() -> {
                int n = 0;
                while (running.get()) {
                    int seed = ++n;
                    silently(
                            () -> acknowledgedPosts.add(
                                    posts.publish(admin, content("Post " + seed), Fixtures.jpeg(120, 150, 100 + seed))),
                            false);
                    pause();
                }
            });
            waitFor(() -> acknowledgedOrders.size() >= 3 && acknowledgedPosts.size() >= 2, Duration.ofSeconds(60));

            database.close(); // a fast shutdown: sessions are cut, committed work stays
            Instant stopped = Instant.now();
            // a post, the front page in French and a search, at once
            var pages = List.of(
                    getAsync(base + "/posts/" + firstPost, "en"),
                    getAsync(base + "/", "fr"),
                    getAsync(base + "/search?q=lamp", "en"));
            CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            assertThat(Duration.between(stopped, Instant.now())).isLessThan(Duration.ofSeconds(15));
            MessageSource messages = app.getBean(MessageSource.class);
            for (var page : pages.stream().map(CompletableFuture::join).toList()) {
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).contains("5");
                Locale locale = Locale.forLanguageTag(
                        page.request().headers().firstValue("Accept-Language").orElse("en"));
                for (String key : List.of("error.503.title", "error.503.text", "error.retry")) {
                    assertThat(page.body())
                            .as(key + " in " + locale)
                            .contains(HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), "UTF-8"));
                }
                assertThat(page.body())
                        .doesNotContain("Exception")
                        .doesNotContain("at org.")
                        .doesNotContain("Whitelabel");
            }

            database = start(dataDirectory, databasePort);
            Instant restarted = Instant.now();
            waitFor(() -> silently(() -> get(base + "/").statusCode(), -1) == 200, Duration.ofSeconds(30));
            Duration recovery = Duration.between(restarted, Instant.now());
            int ordersBefore = acknowledgedOrders.size();
            waitFor(() -> acknowledgedOrders.size() > ordersBefore + 2, Duration.ofSeconds(30));
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(recovery).as("serving again after the database returned").isLessThan(Duration.ofSeconds(10));
            assertThat(statuses).as("no page answered anything but 200 or 503").allMatch(s -> s == 200 || s == 503);
            assertThat(statuses).contains(503);
            List<Long> storedOrders = jdbc.sql("select id from orders where account_id = ?")
                    .param(buyer)
                    .query(Long.class)
                    .list();
            assertThat(storedOrders).containsAll(acknowledgedOrders);
            List<Long> storedPosts = jdbc.sql("select id from posts where author_id = ?")
                    .param(admin)
                    .query(Long.class)
                    .list();
            assertThat(storedPosts).containsAll(acknowledgedPosts);
            assertThat(get(base + "/posts/" + acknowledgedPosts.peek()).statusCode())
                    .isEqualTo(200);
        } finally {
            load.shutdownNow();
            if (app != null) {
                app.close();
            }
            database.close();
            delete(dataDirectory);
            delete(appData);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PostContent content(String caption) {
        return new PostContent("A photo", caption, Disclosure.NONE, null, List.of(), List.of(1));
    }

    private static long account(ConfigurableApplicationContext app, JdbcClient jdbc, String handle) {
        long id = app.getBean(Accounts.class)
                .register(new NewAccount(
                        handle + "@example.test",
                        handle,
                        "Outage " + handle,
                        Fixtures.PASSWORD,
                        AccountKind.PERSON,
                        true));
        jdbc.sql("insert into memberships (account_id, plan, starts_at, ends_at) values (?, 'PAID', ?, ?)")
                .params(
                        id,
                        Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
                        Timestamp.from(Instant.now().plus(Duration.ofDays(30))))
                .update();
        return id;
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .start();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        try {
            return getAsync(url, "en").get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** A page as a browser asking for {@code language} gets it. */
    private CompletableFuture<HttpResponse<String>> getAsync(String url, String language) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept-Language", language)
                        .timeout(Duration.ofSeconds(90))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Attempt<T> {
        T run() throws Exception;
    }

    /** The attempt's result, or {@code otherwise} when it failed (as writes do while the database is down). */
    private static <T> T silently(Attempt<T> attempt, T otherwise) {
        try {
            return attempt.run();
        } catch (Exception e) {
            return otherwise;
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration limit) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + limit).isBefore(until);
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        try (var walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
