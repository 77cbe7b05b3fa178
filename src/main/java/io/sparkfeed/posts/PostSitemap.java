package io.sparkfeed.posts;

import io.sparkfeed.platform.IdSitemapSection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every visible post's page in the sitemap, by id (index {@code posts_sitemap_idx}, V121); hidden ones never. */
@Component
class PostSitemap extends IdSitemapSection {

    static final String FIRST = "select id from posts where hidden_at is null and id >= :from order by id limit 1";
    static final String CHUNK_SQL = """
            select id, updated_at from posts
            where hidden_at is null and id >= :from and id < :to order by id limit :limit""";

    PostSitemap(JdbcClient jdbc) {
        super(jdbc, "posts", FIRST, CHUNK_SQL);
    }

    @Override
    protected Url url(ResultSet row) throws SQLException {
        return new Url("/posts/" + row.getLong(1), row.getTimestamp(2).toInstant());
    }

    static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
