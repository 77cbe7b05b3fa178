package io.sparkfeed.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The Sparkfeed benchmark: against a running instance loaded with the generated dataset, each page in turn is
 * requested by a fixed number of concurrent users for a fixed time, visitors then signed-in accounts, publishing and
 * buying included, between two runs of the static {@code /css/app.css} (the yardstick). Gatling's HTML report has
 * the percentiles; {@link Results} prints and writes each page's throughput as a ratio to the static file's.
 *
 * <p>System properties: {@code baseUrl} (http://localhost:8080), {@code users} (8 concurrent), {@code seconds}
 * (20 per page), {@code warmup} (60 seconds of every page before measuring), {@code accounts} (how many generated
 * accounts to sign in as: 100 exist in every dataset), {@code pages} (comma-separated page names, or groups such as
 * {@code hostile}, to run; all when unset), {@code out} (target/bench-results.md); {@code soakRate} (visits per
 * second) runs the soak instead; {@code dbUrl}, {@code dbUser}, {@code dbPassword} (the instance's database, to
 * count the session writes of the signed-in pages: {@link SessionWrites}).
 */
public class SparkfeedSimulation extends Simulation {

    /** The caption of the posts the benchmark publishes; target discovery skips them. */
    static final String PUBLISHED_CAPTION = "Benchmark post";

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final int USERS = Integer.getInteger("users", 8);
    private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("seconds", 20));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("warmup", 60));
    private static final int ACCOUNTS = Integer.getInteger("accounts", 100);
    private static final List<String> ONLY = System.getProperty("pages", "").isBlank()
            ? List.of()
            : List.of(System.getProperty("pages").split(","));

    private static final double SOAK_RATE = Double.parseDouble(System.getProperty("soakRate", "0"));
    private static final Duration SOAK = Duration.ofMinutes(Integer.getInteger("soakMinutes", 10));

    private static final Targets TARGETS = Targets.discover(BASE_URL);
    private static final Results RESULTS = new Results(System.getProperty("out", "target/bench-results.md"));
    private static final SessionWrites SESSION_WRITES = new SessionWrites();

    /** The pages read signed in, one after the other: the session writes are counted around them. */
    private static final List<String> SIGNED_IN_PAGES =
            List.of("/ signed in (For you)", "/following", "/notifications");

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("text/html,application/xhtml+xml,*/*")
            .acceptLanguageHeader("en")
            .acceptEncodingHeader("gzip")
            .shareConnections()
            .disableCaching();

    private final Iterator<Map<String, Object>> accounts = Stream.generate(() -> Map.<String, Object>of(
                    "login", "user" + (1 + ThreadLocalRandom.current().nextInt(ACCOUNTS))))
            .iterator();

    /** A page as a visitor sees it, checked for a status 200 and, for lists, for a post on it. */
    private static HttpRequestActionBuilder page(String name, String path, boolean list) {
        HttpRequestActionBuilder get =
                http(name).get(path).check(responseTimeInMillis().saveAs("rt")).check(status().is(200));
        return list ? get.check(substring("href=\"/posts/").exists()) : get;
    }

    /** Records the last response for the results table (Gatling's own report gets every response anyway). */
    private static ChainBuilder measured(String name, HttpRequestActionBuilder request) {
        // the response time is the first check, so it is saved even when a later one fails
        return exec(request).exec(session -> {
            if (session.contains("rt")) {
                RESULTS.record(name, session.getInt("rt"), !session.isFailed());
            }
            return session.remove("rt").markAsSucceeded();
        });
    }

    private static ChainBuilder measured(String name, String path, boolean list) {
        return measured(name, page(name, path, list));
    }

    private ChainBuilder signIn() {
        return feed(accounts)
                .exec(http("sign in: form")
                        .get("/login")
                        .check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("sign in")
                        .post("/login")
                        .disableFollowRedirect()
                        .formParam("login", "#{login}")
                        .formParam("password", Dataset.PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(
                                status().is(302),
                                header("Location")
                                        .transform(l -> l.contains("error"))
                                        .is(false)));
    }

    private PopulationBuilder reading(String name, ChainBuilder chain, boolean signedIn) {
        // not exitASAP: a response that ends after the phase is still recorded
        ChainBuilder loop = during(PHASE, false).on(chain);
        return scenario(name).exec(signedIn ? signIn().exec(loop) : loop).injectOpen(atOnceUsers(USERS));
    }

    private PopulationBuilder visitor(String name, String path, boolean list) {
        return reading(name, measured(name, path, list), false);
    }

    private PopulationBuilder signedIn(String name, String path, boolean list) {
        return reading(name, measured(name, path, list), true);
    }

    /** Publishing: a photo (unique bytes each time, so it is decoded and stored), a caption, a product tag. */
    private PopulationBuilder publishing() {
        String name = "publish a post";
        ChainBuilder publish = measured(
                name,
                http(name)
                        .post("/posts")
                        .disableFollowRedirect()
                        .check(responseTimeInMillis().saveAs("rt"))
                        .bodyPart(StringBodyPart("_csrf", "#{csrf}"))
                        .bodyPart(ByteArrayBodyPart("photo", session -> Photos.unique())
                                .fileName("photo.jpg")
                                .contentType("image/jpeg"))
                        .bodyPart(StringBodyPart("altText", "A mug on a table"))
                        .bodyPart(StringBodyPart("caption", PUBLISHED_CAPTION + " #benchmark"))
                        .bodyPart(StringBodyPart("interests", "2"))
                        .bodyPart(StringBodyPart("disclosure", "NONE"))
                        .bodyPart(StringBodyPart("tagProduct", String.valueOf(TARGETS.productId())))
                        .bodyPart(StringBodyPart("tagX", "0.5"))
                        .bodyPart(StringBodyPart("tagY", "0.5"))
                        .check(
                                status().is(302),
                                header("Location")
                                        .find()
                                        .transform(l -> l.matches(".*/posts/\\d+.*"))
                                        .is(true)));
        // at most ten posts per account, well under the daily limit (20): each new user signs in as another one
        return scenario(name)
                .exec(signIn())
                .exec(http("publish: form")
                        .get("/posts/new")
                        .check(status().is(200))
                        .check(css("form[enctype] input[name=_csrf]", "value").saveAs("csrf")))
                .exec(repeat(10).on(publish))
                .injectClosed(constantConcurrentUsers(USERS).during(PHASE));
    }

    /** Buying: the confirmation page, then placing the order by invoice to the saved address. */
    private PopulationBuilder buying() {
        String confirm = "buy: confirm";
        String place = "buy: place order";
        String checkout = "/checkout?product=" + TARGETS.productId() + "&from=" + TARGETS.postId();
        ChainBuilder buy = measured(
                        confirm,
                        http(confirm)
                                .get(checkout)
                                .check(responseTimeInMillis().saveAs("rt"))
                                .check(status().is(200))
                                .check(css("form[data-place-order] input[name=_csrf]", "value")
                                        .saveAs("csrf"))
                                .check(css("form[data-place-order] input[name=key]", "value")
                                        .saveAs("key"))
                                .check(css("form[data-place-order] input[name=quote]", "value")
                                        .saveAs("quote")))
                .exec(measured(
                        place,
                        http(place)
                                .post("/checkout")
                                .disableFollowRedirect()
                                .check(responseTimeInMillis().saveAs("rt"))
                                .formParam("_csrf", "#{csrf}")
                                .formParam("key", "#{key}")
                                .formParam("quote", "#{quote}")
                                .formParam("product", String.valueOf(TARGETS.productId()))
                                .formParam("quantity", "1")
                                .formParam("from", String.valueOf(TARGETS.postId()))
                                .formParam("method", "invoice")
                                .formParam("name", "Bench Buyer")
                                .formParam("line1", "1 Benchmark Street")
                                .formParam("line2", "")
                                .formParam("city", "Lyon")
                                .formParam("postcode", "69001")
                                .formParam("country", "France")
                                .check(
                                        status().is(302),
                                        header("Location")
                                                .find()
                                                .transform(l -> l.matches(".*/orders/\\d+.*"))
                                                .is(true))));
        return scenario("buy")
                .exec(signIn())
                .exec(repeat(10).on(buy))
                .injectClosed(constantConcurrentUsers(USERS).during(PHASE));
    }

    /** A number no form or link of ours writes: its exponent alone costs seconds to a lenient parser. */
    static final String HOSTILE_NUMBER = "1E-999999999";

    /**
     * Hostile requests, each refused before any real work: a number in a query cursor, a page size and a form, a
     * login of a million characters (a 1 MB form body) and a search longer than any field. Each is its own phase, so
     * that its throughput compares with the static file's; an answer other than {@code refused} fails it.
     */
    private List<Map.Entry<String, PopulationBuilder>> hostile() {
        String number = HOSTILE_NUMBER;
        String login = "a".repeat(1_000_000);
        String search = "desk ".repeat(1_200);
        List<Map.Entry<String, PopulationBuilder>> phases = new ArrayList<>();
        phases.add(Map.entry(
                "hostile: /?after=" + number,
                refused(
                        "hostile: /?after=" + number,
                        http("hostile: /?after=" + number).get("/?after=" + number),
                        400)));
        phases.add(Map.entry(
                "hostile: /tags/" + Dataset.COMMON_TAG + "?after=" + number,
                refused(
                        "hostile: /tags/" + Dataset.COMMON_TAG + "?after=" + number,
                        http("hostile: tag cursor").get("/tags/" + Dataset.COMMON_TAG + "?after=" + number),
                        400)));
        phases.add(Map.entry(
                "hostile: /products/{id}?size=" + number,
                refused(
                        "hostile: /products/{id}?size=" + number,
                        http("hostile: page size").get("/products/" + TARGETS.productId() + "?size=" + number),
                        400)));
        String cart = "hostile: POST /cart quantity=" + number;
        phases.add(Map.entry(
                cart,
                scenario(cart)
                        .exec(signIn())
                        .exec(http("hostile: cart form")
                                .get("/posts/" + TARGETS.postId())
                                .check(css("input[name=_csrf]", "value").saveAs("csrf")))
                        .exec(during(PHASE, false)
                                .on(measured(
                                        cart,
                                        http(cart)
                                                .post("/cart")
                                                .disableFollowRedirect()
                                                .check(responseTimeInMillis().saveAs("rt"))
                                                .formParam("_csrf", "#{csrf}")
                                                .formParam("product", String.valueOf(TARGETS.productId()))
                                                .formParam("quantity", number)
                                                .check(status().is(400)))))
                        .injectOpen(atOnceUsers(USERS))));
        String longLogin = "hostile: POST /login, 1,000,000-char login";
        phases.add(Map.entry(
                longLogin,
                refused(
                        longLogin,
                        http(longLogin)
                                .post("/login")
                                .disableFollowRedirect()
                                .formParam("login", login)
                                .formParam("password", "x"),
                        413)));
        String longSearch = "hostile: /search, 6000-char q";
        phases.add(Map.entry(
                longSearch, refused(longSearch, http(longSearch).get("/search").queryParam("q", search), 400)));
        return phases;
    }

    /** A phase of visitors sending {@code request}, whose answer must be {@code status}. */
    private PopulationBuilder refused(String name, HttpRequestActionBuilder request, int status) {
        return reading(
                name,
                measured(
                        name, request.check(responseTimeInMillis().saveAs("rt")).check(status().is(status))),
                false);
    }

    /** Every page once, in a loop, before measuring: the JIT compiles for minutes after a start. */
    private PopulationBuilder warmUp() {
        ChainBuilder all = exec(http("warm-up").get("/css/app.css"));
        for (String path : TARGETS.readingPaths()) {
            all = all.exec(http("warm-up").get(path));
        }
        return scenario("warm-up")
                .exec(signIn())
                .exec(during(WARMUP, false)
                        .on(all)
                        .exec(http("warm-up").get("/following"))
                        .exec(http("warm-up").get("/notifications")))
                .injectOpen(atOnceUsers(USERS));
    }

    private final List<PopulationBuilder> phases = new ArrayList<>();

    /** A phase of the run, when asked for; {@code recorded} are its measured requests when not just {@code name}. */
    private void phase(String name, PopulationBuilder population, String... recorded) {
        String group = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        if (ONLY.isEmpty() || ONLY.contains(name) || ONLY.contains(group) || name.startsWith("static")) {
            phases.add(population);
            for (String request : recorded.length == 0 ? new String[] {name} : recorded) {
                RESULTS.expect(request);
            }
        }
    }

    {
        if (SOAK_RATE > 0) {
            setUp(soak()).protocols(protocol);
        } else {
            setUpPhases();
        }
    }

    /**
     * The soak (issue: a 10-minute run at 80% of peak with a flat heap): {@code soakRate} new visitors per second,
     * each reading the public feed, a hashtag, a post and a product page, for {@code soakMinutes} (10).
     */
    private PopulationBuilder soak() {
        ChainBuilder visit = measured("soak: /", "/", true)
                .exec(measured("soak: /tags/" + Dataset.COMMON_TAG, "/tags/" + Dataset.COMMON_TAG, true))
                .exec(measured("soak: /posts/{id}", "/posts/" + TARGETS.postId(), false))
                .exec(measured("soak: /products/{id}", "/products/" + TARGETS.productId(), true));
        for (String name :
                List.of("soak: /", "soak: /tags/" + Dataset.COMMON_TAG, "soak: /posts/{id}", "soak: /products/{id}")) {
            RESULTS.expect(name);
        }
        return scenario("soak")
                .exec(visit)
                .injectOpen(constantUsersPerSec(SOAK_RATE).during(SOAK));
    }

    private void setUpPhases() {
        phase("static /css/app.css (start)", visitor("static /css/app.css (start)", "/css/app.css", false));
        phase("/ visitor", visitor("/ visitor", "/", true));
        phase("/ visitor, deep cursor", visitor("/ visitor, deep cursor", TARGETS.deepCursor(), true));
        phase("/interests/home", visitor("/interests/home", "/interests/home", true));
        phase(
                "/tags/" + Dataset.COMMON_TAG,
                visitor("/tags/" + Dataset.COMMON_TAG, "/tags/" + Dataset.COMMON_TAG, true));
        phase("/tags/" + Dataset.RARE_TAG, visitor("/tags/" + Dataset.RARE_TAG, "/tags/" + Dataset.RARE_TAG, true));
        phase(
                "/search?q=" + Dataset.COMMON_WORD,
                visitor("/search?q=" + Dataset.COMMON_WORD, "/search?q=" + Dataset.COMMON_WORD, true));
        phase(
                "/search?q=" + Dataset.RARE_WORD,
                visitor("/search?q=" + Dataset.RARE_WORD, "/search?q=" + Dataset.RARE_WORD, true));
        phase("/products/{id}", visitor("/products/{id}", "/products/" + TARGETS.productId(), true));
        phase("/posts/{id}", visitor("/posts/{id}", "/posts/" + TARGETS.postId(), false));
        phase("/@{handle} profile", visitor("/@{handle} profile", "/@" + TARGETS.handle(), true));
        phase("/collections/{id}", visitor("/collections/{id}", "/collections/" + TARGETS.collectionId(), true));
        int before = phases.size();
        for (String name : SIGNED_IN_PAGES) {
            phase(
                    name,
                    signedIn(name, name.equals("/ signed in (For you)") ? "/" : name, !name.equals("/notifications")));
        }
        if (phases.size() > before && SESSION_WRITES.enabled()) {
            // the counters around the signed-in pages (visitors write no session), published once settled
            phases.add(before, probe("session writes: before", 0, SESSION_WRITES::before));
            phases.add(probe("session writes: after", SessionWrites.SETTLE_SECONDS, SESSION_WRITES::after));
        }
        phase("publish a post", publishing());
        phase("buy", buying(), "buy: confirm", "buy: place order");
        for (var hostile : hostile()) {
            phase(hostile.getKey(), hostile.getValue());
        }
        phase("static /css/app.css (end)", visitor("static /css/app.css (end)", "/css/app.css", false));

        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        setUp(WARMUP.isZero() ? chain : warmUp().andThen(chain)).protocols(protocol);
    }

    /** A one-user phase that waits {@code pauseSeconds}, then runs {@code action}. */
    private static PopulationBuilder probe(String name, int pauseSeconds, Runnable action) {
        return scenario(name)
                .exec(pause(pauseSeconds))
                .exec(session -> {
                    action.run();
                    return session;
                })
                .injectOpen(atOnceUsers(1));
    }

    @Override
    public void after() {
        int signedInViews = RESULTS.count(SIGNED_IN_PAGES);
        int signIns = (int) SIGNED_IN_PAGES.stream().filter(RESULTS::expected).count() * USERS;
        RESULTS.report(SOAK_RATE > 0 ? "" : SESSION_WRITES.report(signedInViews, signIns));
    }
}
