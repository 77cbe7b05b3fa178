package io.sparkfeed.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A product's prices over a window, oldest first: the price it had when the window opened (if it existed then) and
 * every change since. {@code lowest} is the lowest of them, null when there is no history.
 */
public record PriceHistory(List<Point> points, BigDecimal lowest, String currency, Instant from, Instant to) {

    /** From this instant on, the product cost this much. */
    public record Point(Instant at, BigDecimal price) {}

    public boolean changed() {
        return points.stream().map(Point::price).distinct().count() > 1;
    }
}
