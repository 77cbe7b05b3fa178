package io.sparkfeed.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A price history laid out for a small SVG step chart drawn on the server: the coordinates only (numbers), so the
 * template writes every attribute through Thymeleaf and nothing is escaped by hand.
 */
public record PriceChart(
        int width, int height, String points, List<Dot> dots, BigDecimal lowest, BigDecimal highest, String currency) {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 80;
    private static final int PAD = 6;

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
        double span = Math.max(1, history.to().toEpochMilli() - history.from().toEpochMilli());
        double range = high.subtract(low).doubleValue();
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double previousY = -1;
        for (PriceHistory.Point point : history.points()) {
            Instant at = point.at().isBefore(history.from()) ? history.from() : point.at();
            double x = PAD
                    + (WIDTH - 2 * PAD) * (at.toEpochMilli() - history.from().toEpochMilli()) / span;
            double y = range == 0
                    ? HEIGHT / 2.0
                    : PAD + (HEIGHT - 2 * PAD) * (high.subtract(point.price()).doubleValue() / range);
            if (previousY >= 0) {
                line.append(coordinate(x, previousY)); // a step: the old price holds until the change
            }
            line.append(coordinate(x, y));
            dots.add(new Dot(round(x), round(y), point.at(), point.price()));
            previousY = y;
        }
        line.append(coordinate(WIDTH - PAD, previousY));
        return new PriceChart(WIDTH, HEIGHT, line.toString().strip(), List.copyOf(dots), low, high, history.currency());
    }

    private static String coordinate(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
