package io.sparkfeed.catalog;

import io.sparkfeed.media.StoredImage;
import java.math.BigDecimal;
import java.util.List;

/** A product with everything its page shows. */
public record ProductView(
        long id,
        String title,
        String brand,
        BigDecimal price,
        String currency,
        String description,
        String category,
        int stock,
        boolean active,
        List<StoredImage> images) {

    public boolean available() {
        return active && stock > 0;
    }

    public StoredImage image() {
        return images.isEmpty() ? null : images.get(0);
    }

    public ProductCard card() {
        return new ProductCard(id, title, brand, price, currency, stock, active, image());
    }
}
