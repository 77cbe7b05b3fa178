package io.sparkfeed.catalog;

import io.sparkfeed.media.ImageShowings;
import io.sparkfeed.media.Showing;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Products show their photos to everyone, active or not (an inactive product's page still shows it). */
@Component
@Order(2)
class ProductImageShowings implements ImageShowings {

    private final JdbcClient jdbc;

    ProductImageShowings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Showing showing(String key) {
        boolean shown = jdbc.sql("select exists (select 1 from product_images where image_key = ?)")
                .param(key)
                .query(Boolean.class)
                .single();
        return new Showing(shown, Set.of());
    }
}
