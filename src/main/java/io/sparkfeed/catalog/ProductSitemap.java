package io.sparkfeed.catalog;

import io.sparkfeed.platform.SitemapSection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every active product's page in the sitemap, by id; a product taken off sale never. */
@Component
class ProductSitemap implements SitemapSection {

    private final JdbcClient jdbc;

    ProductSitemap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "products";
    }

    @Override
    public List<String> pages() {
        return SitemapSection.idPages(
                from -> jdbc.sql("select id from products where active and id >= ? order by id limit 1")
                        .param(from)
                        .query(Long.class)
                        .optional()
                        .orElse(null));
    }

    @Override
    public boolean isPage(String key) {
        return SitemapSection.isIdPage(key);
    }

    @Override
    public void write(String page, Consumer<Url> out) {
        SitemapSection.writeIdPage(
                page,
                (from, to, limit) -> jdbc.sql("""
                                select id, updated_at from products
                                where active and id >= ? and id < ? order by id limit ?""")
                        .params(from, to, limit)
                        .query((rs, n) -> new IdRow(
                                rs.getLong(1),
                                new Url(
                                        "/products/" + rs.getLong(1),
                                        rs.getTimestamp(2).toInstant())))
                        .list(),
                out);
    }
}
