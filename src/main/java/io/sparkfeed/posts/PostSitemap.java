package io.sparkfeed.posts;

import io.sparkfeed.platform.SitemapSection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every visible post's page in the sitemap, by id (index {@code posts_sitemap_idx}, V121); hidden ones never. */
@Component
class PostSitemap implements SitemapSection {

    static final String FIRST = "select id from posts where hidden_at is null and id >= :from order by id limit 1";
    static final String CHUNK_SQL = """
            select id, updated_at from posts
            where hidden_at is null and id >= :from and id < :to order by id limit :limit""";

    private final JdbcClient jdbc;

    PostSitemap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "posts";
    }

    @Override
    public List<String> pages() {
        return SitemapSection.idPages(from ->
                jdbc.sql(FIRST).param("from", from).query(Long.class).optional().orElse(null));
    }

    @Override
    public boolean isPage(String key) {
        return SitemapSection.isIdPage(key);
    }

    @Override
    public void write(String page, Consumer<Url> out) {
        SitemapSection.writeIdPage(
                page,
                (from, to, limit) -> jdbc.sql(CHUNK_SQL)
                        .params(Map.of("from", from, "to", to, "limit", limit))
                        .query((rs, n) -> new IdRow(
                                rs.getLong(1),
                                new Url(
                                        "/posts/" + rs.getLong(1),
                                        rs.getTimestamp(2).toInstant())))
                        .list(),
                out);
    }

    static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
