package io.sparkfeed.catalog;

import java.math.BigDecimal;
import java.util.List;

/** What creating or editing a product takes; images are keys of stored images. */
public record ProductDraft(
        String title,
        String brand,
        BigDecimal price,
        String currency,
        String description,
        String category,
        int stock,
        boolean active,
        List<String> imageKeys) {}
