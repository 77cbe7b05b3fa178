package io.sparkfeed.catalog;

import io.sparkfeed.platform.IdSitemapSection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every active product's page in the sitemap, by id; a product taken off sale never. */
@Component
class ProductSitemap extends IdSitemapSection {

    ProductSitemap(JdbcClient jdbc) {
        super(jdbc, "products", "select id from products where active and id >= :from order by id limit 1", """
                select id, updated_at from products
                where active and id >= :from and id < :to order by id limit :limit""");
    }

    @Override
    protected Url url(ResultSet row) throws SQLException {
        return new Url("/products/" + row.getLong(1), row.getTimestamp(2).toInstant());
    }
}
