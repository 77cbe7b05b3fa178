package io.sparkfeed.media;

import java.util.HashSet;
import java.util.Set;

/**
 * Where an image is shown: {@code publicly} when something anyone may see shows it; {@code privately} lists the
 * accounts that still see it on a page nobody else sees (the author of a hidden post).
 */
public record Showing(boolean publicly, Set<Long> privately) {

    public static final Showing NOWHERE = new Showing(false, Set.of());

    public Showing {
        privately = Set.copyOf(privately);
    }

    /** Whether anything at all still points at the image. */
    public boolean anywhere() {
        return publicly || !privately.isEmpty();
    }

    Showing and(Showing other) {
        Set<Long> both = new HashSet<>(privately);
        both.addAll(other.privately);
        return new Showing(publicly || other.publicly, both);
    }
}
