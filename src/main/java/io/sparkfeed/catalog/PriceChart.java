package io.sparkfeed.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A price history laid out for a small SVG step chart drawn on the server: the coordinates only (numbers and
 * instants), so the template writes every attribute and date through Thymeleaf and nothing is escaped by hand.
 *
 * <p>The time axis runs from {@code start} to {@code end} (now). It covers the whole window of the history, unless
 * the product's first price is younger than that: then it starts at that first price, so a product listed hours ago
 * fills the chart instead of drawing its history as a step squeezed against the right edge.
 */
public record PriceChart(
        int width,
        int height,
        String points,
        List<Dot> dots,
        BigDecimal lowest,
        BigDecimal highest,
        String currency,
        Instant start,
        Instant end,
        boolean hours) {

    public static final int WIDTH = 320;
    /** The plot's frame; the band below it holds the axis' dates. */
    public static final int PLOT_HEIGHT = 80;

    public static final int HEIGHT = PLOT_HEIGHT + 20;
    private static final int PAD = 6;
    /** Where the axis' first and last instants are drawn. */
    public static final int LEFT = PAD;

    public static final int RIGHT = WIDTH - PAD;
    /** Under this span the axis' dates carry the time of day (they would all read the same day otherwise). */
    static final Duration SHORT_SPAN = Duration.ofDays(2);

    /** A change of price: where it is drawn and what it was. */
    public record Dot(double x, double y, Instant at, BigDecimal price) {}

    /** The chart of a history; null when there is nothing to draw. */
    public static PriceChart of(PriceHistory history) {
        if (history.points().isEmpty()) {
            return null;
        }
        BigDecimal low = history.points().stream()
                .map(PriceHistory.Point::price)
                .min(BigDecimal::compareTo)
                .orElseThrow();
        BigDecimal high = history.points().stream()
                .map(PriceHistory.Point::price)
                .max(BigDecimal::compareTo)
                .orElseThrow();
        Instant end = history.to();
        // the price the product had when the window opened is older than the window: the axis is the window then
        Instant start = clamp(history.points().get(0).at(), history.from(), end);
        // at least a millisecond, so a product listed this very instant divides by one and never by zero
        double span = Math.max(1, end.toEpochMilli() - start.toEpochMilli());
        double range = high.subtract(low).doubleValue();
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double previousY = -1;
        for (PriceHistory.Point point : history.points()) {
            Instant at = clamp(point.at(), start, end);
            double x = LEFT + (RIGHT - LEFT) * (at.toEpochMilli() - start.toEpochMilli()) / span;
            double y = range == 0
                    ? PLOT_HEIGHT / 2.0
                    : PAD
                            + (PLOT_HEIGHT - 2 * PAD)
                                    * (high.subtract(point.price()).doubleValue() / range);
            if (previousY >= 0) {
                line.append(coordinate(x, previousY)); // a step: the old price holds until the change
            }
            line.append(coordinate(x, y));
            dots.add(new Dot(round(x), round(y), point.at(), point.price()));
            previousY = y;
        }
        line.append(coordinate(RIGHT, previousY)); // the last price holds until now
        boolean hours = span < SHORT_SPAN.toMillis();
        return new PriceChart(
                WIDTH,
                HEIGHT,
                line.toString().strip(),
                List.copyOf(dots),
                low,
                high,
                history.currency(),
                start,
                end,
                hours);
    }

    /** Every price drawn is the same: the chart is a flat line and says so. */
    public boolean flat() {
        return lowest.compareTo(highest) == 0;
    }

    public int plotHeight() {
        return PLOT_HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return RIGHT;
    }

    private static Instant clamp(Instant at, Instant from, Instant to) {
        if (at.isBefore(from)) {
            return from;
        }
        return at.isAfter(to) ? to : at;
    }

    private static String coordinate(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
