package io.sparkfeed.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.sparkfeed.shop.PostStats;
import io.sparkfeed.support.Cluster;
import io.sparkfeed.support.ClusterTest;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.Races;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a person, a login throttle, a scheduled job and the statistics see when every request may land on either of
 * two instances ({@link Cluster}): whatever one instance wrote, the other reads from PostgreSQL.
 */
class ClusterTests extends ClusterTest {

    /** A browser: keeps the cookies any instance sets, and sends them to whichever instance it talks to next. */
    private static final class Visitor {

        private static final HttpClient http = HttpClient.newHttpClient();

        final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(ConfigurableApplicationContext instance, String path)
                throws IOException, InterruptedException {
            return send(request(instance, path).GET());
        }

        /** Posts the login form the instance shows, with its CSRF token. */
        HttpResponse<String> logIn(
                ConfigurableApplicationContext instance, String login, String password, boolean rememberMe)
                throws IOException, InterruptedException {
            Document form = Jsoup.parse(get(instance, "/login").body());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(
                    "_csrf",
                    form.select("form[action=/login] input[name=_csrf]").val());
            fields.put("login", login);
            fields.put("password", password);
            if (rememberMe) {
                fields.put("remember-me", "on");
            }
            String body = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(request(instance, "/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Whether the instance shows the page as this account's (its profile link in the header). */
        boolean signedInAs(ConfigurableApplicationContext instance, TestAccount account)
                throws IOException, InterruptedException {
            HttpResponse<String> page = get(instance, "/notifications");
            return page.statusCode() == 200
                    && !Jsoup.parse(page.body())
                            .select("a[href=/@" + account.handle() + "]")
                            .isEmpty();
        }

        private HttpRequest.Builder request(ConfigurableApplicationContext instance, String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Cluster.base(instance) + path));
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void aSessionMadeOnOneInstanceIsValidOnTheOther() throws Exception {
        TestAccount priya = Cluster.fixtures(one).person();
        Visitor browser = new Visitor();
        assertThat(browser.signedInAs(two, priya)).isFalse();

        HttpResponse<String> login = browser.logIn(one, priya.email(), Fixtures.PASSWORD, false);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(browser.cookies).containsKey("SESSION").doesNotContainKey("remember-me");

        assertThat(browser.signedInAs(two, priya)).isTrue();
        assertThat(browser.signedInAs(one, priya)).isTrue();
    }

    @Test
    void aRememberMeCookieFromOneInstanceSignsInOnTheOther() throws Exception {
        TestAccount sam = Cluster.fixtures(two).person();
        Visitor browser = new Visitor();
        browser.logIn(two, sam.email(), Fixtures.PASSWORD, true);
        assertThat(browser.cookies).containsKeys("SESSION", "remember-me");

        // the browser was closed: only the remember-me cookie is left
        browser.cookies.keySet().retainAll(List.of("remember-me"));
        assertThat(browser.signedInAs(one, sam)).isTrue();
        assertThat(browser.cookies).containsKey("SESSION");
    }

    @Test
    void failedLoginsCountedOnOneInstanceSlowDownTheNextTryOnTheOther() throws Exception {
        TestAccount lee = Cluster.fixtures(one).person();
        Visitor guesser = new Visitor();
        // sparkfeed.limits.login-place: 5 tries for one login from one address, then a wait
        for (int i = 0; i < 5; i++) {
            assertThat(location(guesser.logIn(one, lee.email(), "wrong guess " + i, false)))
                    .endsWith("/login?error");
        }

        HttpResponse<String> next = guesser.logIn(two, lee.email(), Fixtures.PASSWORD, false);
        assertThat(location(next)).contains("/login?throttled&wait=");
        assertThat(guesser.signedInAs(two, lee)).isFalse();
    }

    @Test
    void aScheduledJobRunsOnceAcrossBothInstances() throws Exception {
        Cluster.LockedJob.runs.set(0);
        List<Callable<Void>> both = List.of(
                () -> {
                    one.getBean(Cluster.LockedJob.class).run();
                    return null;
                },
                () -> {
                    two.getBean(Cluster.LockedJob.class).run();
                    return null;
                });
        Races.race(both, 2);
        // and once more on the other, later: the lock holds for its lockAtLeastFor
        two.getBean(Cluster.LockedJob.class).run();

        assertThat(Cluster.LockedJob.runs).hasValue(1);
    }

    @Test
    void statisticsFlushedByBothInstancesAddUp() throws Exception {
        TestAccount author = Cluster.fixtures(one).primeMember();
        long post = Cluster.fixtures(one).post(author, "Seen on both instances");
        for (int i = 0; i < 3; i++) {
            one.getBean(PostStats.class).viewed(List.of(post));
        }
        for (int i = 0; i < 4; i++) {
            two.getBean(PostStats.class).viewed(List.of(post));
        }
        // both write at the same moment, then one again
        Races.race(
                List.<Callable<Void>>of(
                        () -> {
                            one.getBean(PostStats.class).flush();
                            return null;
                        },
                        () -> {
                            two.getBean(PostStats.class).flush();
                            return null;
                        }),
                2);
        one.getBean(PostStats.class).viewed(List.of(post, post));
        one.getBean(PostStats.class).flush();

        long views = one.getBean(JdbcClient.class)
                .sql("select coalesce(sum(views), 0) from post_daily_stats where post_id = ?")
                .param(post)
                .query(Long.class)
                .single();
        assertThat(views).isEqualTo(9);
    }

    /** What {@code current_setting('application_name')} answers in a transaction of the instance's own manager. */
    private static String connectedAs(ConfigurableApplicationContext instance, boolean readOnly) {
        TransactionTemplate transaction =
                new TransactionTemplate(instance.getBean("transactionManager", PlatformTransactionManager.class));
        transaction.setReadOnly(readOnly);
        return transaction.execute(status -> instance.getBean(JdbcClient.class)
                .sql("select current_setting('application_name')")
                .query(String.class)
                .single());
    }

    @Test
    void withAReplicaReadOnlyTransactionsUseItsPoolAndWritesThePrimary() {
        assertThat(connectedAs(two, true)).isEqualTo(Cluster.REPLICA);
        assertThat(connectedAs(two, false)).isNotEqualTo(Cluster.REPLICA);
        assertThat(two.getBean("replicaDataSource", HikariDataSource.class)
                        .getHikariPoolMXBean()
                        .getTotalConnections())
                .isPositive();
        // a write in a read-only transaction is refused, as a replica would refuse it
        TestAccount reader = Cluster.fixtures(two).person();
        TransactionTemplate readOnly =
                new TransactionTemplate(two.getBean("transactionManager", PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        assertThatThrownBy(() -> readOnly.executeWithoutResult(status -> two.getBean(JdbcClient.class)
                        .sql("update accounts set display_name = 'changed' where id = ?")
                        .param(reader.id())
                        .update()))
                .hasMessageContaining("read-only");
        // without the setting, everything goes to the one pool
        assertThat(connectedAs(one, true)).isNotEqualTo(Cluster.REPLICA);
    }
}
