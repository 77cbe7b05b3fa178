package io.sparkfeed.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmark asks for, found on the instance itself before it starts: a post of the common hashtag, its
 * author and its first product, and the first public collection of the sitemap (or the {@code postId},
 * {@code handle}, {@code productId} and {@code collectionId} system properties).
 */
record Targets(long postId, String handle, long productId, long collectionId) {

    static Targets discover(String baseUrl) {
        // each looked up only when not given (an instance without the generated dataset has no #cozy)
        long post = Long.getLong("postId", 0);
        if (post == 0) {
            post = generatedPost(get(baseUrl + "/tags/" + Dataset.COMMON_TAG));
        }
        String postPage = get(baseUrl + "/posts/" + post);
        String handle = System.getProperty("handle");
        if (handle == null) {
            handle = first(postPage, "href=\"/@([A-Za-z0-9_]+)\"");
        }
        long product = Long.getLong("productId", 0);
        if (product == 0) {
            product = Long.parseLong(first(postPage, "/products/(\\d+)"));
        }
        long collection = Long.getLong("collectionId", 0);
        if (collection == 0) {
            collection =
                    Long.parseLong(first(get(baseUrl + "/sitemap-collections.xml?page=0"), "/collections/(\\d+)<"));
        }
        Targets targets = new Targets(post, handle, product, collection);
        System.out.println("Benchmark targets: " + targets);
        return targets;
    }

    /** The public feed half a year deep (the generated posts span a year). */
    String deepCursor() {
        Instant halfway = Instant.now().minus(182, ChronoUnit.DAYS);
        return "/?after=" + ChronoUnit.MICROS.between(Instant.EPOCH, halfway) + "-" + Long.MAX_VALUE;
    }

    /** Every page a visitor reads, for the warm-up. */
    List<String> readingPaths() {
        return List.of(
                "/",
                deepCursor(),
                "/interests/home",
                "/tags/" + Dataset.COMMON_TAG,
                "/tags/" + Dataset.RARE_TAG,
                "/search?q=" + Dataset.COMMON_WORD,
                "/search?q=" + Dataset.RARE_WORD,
                "/products/" + productId,
                "/posts/" + postId,
                "/@" + handle,
                "/collections/" + collectionId);
    }

    /**
     * The newest post of the hashtag page that the generator wrote, not one an earlier run published (the same
     * targets at 10k and 1M, run after run).
     */
    private static long generatedPost(String tagPage) {
        for (String card : tagPage.split("<article")) {
            Matcher m = Pattern.compile("href=\"/posts/(\\d+)").matcher(card);
            if (!card.contains(SparkfeedSimulation.PUBLISHED_CAPTION) && m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new IllegalStateException("No generated post on the first page of #" + Dataset.COMMON_TAG);
    }

    private static String first(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("Nothing matches " + regex + ": is the generated dataset loaded?");
        }
        return m.group(1);
    }

    private static String get(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Could not reach " + url + ": is the application running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
