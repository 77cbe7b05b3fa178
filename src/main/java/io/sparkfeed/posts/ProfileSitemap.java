package io.sparkfeed.posts;

import io.sparkfeed.platform.SitemapSection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Every profile of an account that is not suspended, by id, through the accounts module's published view
 * {@code account_names}; a profile changed last when its newest visible post was published (one probe of
 * {@code posts_author_visible_idx} per account), or when the account was made.
 */
@Component
class ProfileSitemap implements SitemapSection {

    static final String FIRST =
            "select id from account_names where suspended_at is null and id >= :from order by id limit 1";
    static final String CHUNK_SQL = """
            select a.id, a.handle,
                   (select p.created_at from posts p
                    where p.author_id = a.id and p.hidden_at is null
                    order by p.created_at desc, p.id desc limit 1) as newest
            from account_names a
            where a.suspended_at is null and a.id >= :from and a.id < :to order by a.id limit :limit""";

    private final JdbcClient jdbc;

    ProfileSitemap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "profiles";
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
                                        "/@" + UriUtils.encodePathSegment(rs.getString(2), StandardCharsets.UTF_8),
                                        PostSitemap.instant(rs.getTimestamp(3)))))
                        .list(),
                out);
    }
}
