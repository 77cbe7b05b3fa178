package io.sparkfeed.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each measured page's responses, and at the end the table: requests per second over the page's own phase, that as
 * a ratio to the static file's (the mean of its two phases, first and last, measured in the same run), p50 and p99.
 */
final class Results {

    private static final String STATIC = "static";

    private final Path out;
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    Results(String out) {
        this.out = Path.of(out);
    }

    void expect(String name) {
        order.add(name);
    }

    boolean expected(String name) {
        return order.contains(name);
    }

    void record(String name, int millis, boolean ok) {
        pages.computeIfAbsent(name, n -> new Page()).add(millis, ok, System.currentTimeMillis());
    }

    /** Responses recorded for these pages. */
    int count(List<String> names) {
        return names.stream()
                .map(pages::get)
                .filter(Objects::nonNull)
                .mapToInt(Page::count)
                .sum();
    }

    /** Prints the table, then {@code footer} (if any) under it, and writes both to the results file. */
    void report(String footer) {
        double yardstick = pages.entrySet().stream()
                .filter(e -> e.getKey().startsWith(STATIC))
                .mapToDouble(e -> e.getValue().perSecond())
                .average()
                .orElse(Double.NaN);
        StringBuilder table = new StringBuilder()
                .append("| page | req/s | × static | p50 ms | p99 ms | requests | failed |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String name : order) {
            Page page = pages.get(name);
            if (page == null) {
                table.append("| ").append(name).append(" | no response | | | | | |\n");
                continue;
            }
            // a soak has no static phase, so no ratio
            String ratio =
                    Double.isNaN(yardstick) ? "–" : String.format(Locale.ROOT, "%.3f", page.perSecond() / yardstick);
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %s | %d | %d | %d | %d |%n",
                    name,
                    page.perSecond(),
                    ratio,
                    page.percentile(50),
                    page.percentile(99),
                    page.count(),
                    page.failed()));
        }
        if (!footer.isBlank()) {
            table.append('\n').append(footer).append('\n');
        }
        System.out.println();
        System.out.println(table);
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, table);
            System.out.println("Written to " + out.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Page {

        private final List<Integer> millis = new ArrayList<>();
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd;
        private int failed;

        synchronized void add(int responseMillis, boolean ok, long end) {
            millis.add(responseMillis);
            firstStart = Math.min(firstStart, end - responseMillis);
            lastEnd = Math.max(lastEnd, end);
            if (!ok) {
                failed++;
            }
        }

        synchronized int count() {
            return millis.size();
        }

        synchronized int failed() {
            return failed;
        }

        synchronized double perSecond() {
            return millis.size() * 1000.0 / Math.max(1, lastEnd - firstStart);
        }

        synchronized int percentile(int p) {
            List<Integer> sorted = millis.stream().sorted().toList();
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }
}
