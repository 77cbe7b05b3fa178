package io.sparkfeed.posts;

import io.sparkfeed.platform.IdSitemapSection;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Every profile of an account that is not suspended, by id, through the accounts module's published view
 * {@code account_names}; a profile changed last when its newest visible post was published (one probe of
 * {@code posts_author_visible_idx} per account), or when the account was made.
 */
@Component
class ProfileSitemap extends IdSitemapSection {

    static final String FIRST =
            "select id from account_names where suspended_at is null and id >= :from order by id limit 1";
    static final String CHUNK_SQL = """
            select a.id, a.handle,
                   (select p.created_at from posts p
                    where p.author_id = a.id and p.hidden_at is null
                    order by p.created_at desc, p.id desc limit 1) as newest
            from account_names a
            where a.suspended_at is null and a.id >= :from and a.id < :to order by a.id limit :limit""";

    ProfileSitemap(JdbcClient jdbc) {
        super(jdbc, "profiles", FIRST, CHUNK_SQL);
    }

    @Override
    protected Url url(ResultSet row) throws SQLException {
        return new Url(
                "/@" + UriUtils.encodePathSegment(row.getString(2), StandardCharsets.UTF_8),
                PostSitemap.instant(row.getTimestamp(3)));
    }
}
