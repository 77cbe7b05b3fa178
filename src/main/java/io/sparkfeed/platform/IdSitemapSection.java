package io.sparkfeed.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sitemap section keyed by ids (posts, profiles, products): a subclass gives its two statements and how a row
 * becomes an address; the pages, their keys and the chunked reading are {@link SitemapSection}'s id helpers.
 * {@code firstSql} answers the first listed id at or after {@code :from}; {@code chunkSql} answers up to
 * {@code :limit} listed rows with ids in [{@code :from}, {@code :to}), in id order, the id first.
 */
public abstract class IdSitemapSection implements SitemapSection {

    private final JdbcClient jdbc;
    private final String name;
    private final String firstSql;
    private final String chunkSql;

    protected IdSitemapSection(JdbcClient jdbc, String name, String firstSql, String chunkSql) {
        this.jdbc = jdbc;
        this.name = name;
        this.firstSql = firstSql;
        this.chunkSql = chunkSql;
    }

    /** The address of a row of the chunk statement. */
    protected abstract Url url(ResultSet row) throws SQLException;

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> pages() {
        return SitemapSection.idPages(from -> jdbc.sql(firstSql)
                .param("from", from)
                .query(Long.class)
                .optional()
                .orElse(null));
    }

    @Override
    public final boolean isPage(String key) {
        return SitemapSection.isIdPage(key);
    }

    @Override
    public final void write(String page, Consumer<Url> out) {
        SitemapSection.writeIdPage(
                page,
                (from, to, limit) -> jdbc.sql(chunkSql)
                        .params(Map.of("from", from, "to", to, "limit", limit))
                        .query((rs, n) -> new IdRow(rs.getLong(1), url(rs)))
                        .list(),
                out);
    }
}
