package io.sparkfeed.catalog;

import io.sparkfeed.media.StoredImage;
import java.math.BigDecimal;

/** A product as a hotspot card or a list row shows it. {@code image} may be null for a product without photos. */
public record ProductCard(
        long id,
        String title,
        String brand,
        BigDecimal price,
        String currency,
        int stock,
        boolean active,
        StoredImage image) {

    public boolean available() {
        return active && stock > 0;
    }
}
