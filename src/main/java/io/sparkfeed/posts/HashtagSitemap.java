package io.sparkfeed.posts;

import io.sparkfeed.platform.SitemapSection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Every hashtag with a visible post, in name order. There is no table of hashtags, so the distinct names are read by
 * skipping through {@code post_hashtags_list_idx} (one probe per name, never a scan of the 2M links at 1M posts), and
 * a page is the names after a key (the empty key for the first page, the last name of the page before for the
 * others). A hashtag's page changed last when its newest visible post was published: the first entry of each probe.
 */
@Component
class HashtagSitemap implements SitemapSection {

    static final String AFTER = """
            with recursive walk(tag, at, n) as (
                (select tag, created_at, 1 from post_hashtags where not hidden and tag > :after
                 order by tag, created_at desc, post_id desc limit 1)
                union all
                (select next.tag, next.created_at, w.n + 1
                 from walk w cross join lateral (
                     select h.tag, h.created_at from post_hashtags h where not h.hidden and h.tag > w.tag
                     order by h.tag, h.created_at desc, h.post_id desc limit 1) next
                 where w.n < :limit)
            )
            select tag, at from walk""";

    static final String PAGES = """
        with recursive walk(tag, n) as (
            (select tag, 1 from post_hashtags where not hidden order by tag limit 1)
            union all
            (select (select h.tag from post_hashtags h where not h.hidden and h.tag > w.tag
                     order by h.tag limit 1), w.n + 1
             from walk w where w.tag is not null)
        )
        select tag from walk where tag is not null and n % :per = 0 order by tag""";

    private final JdbcClient jdbc;

    HashtagSitemap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "hashtags";
    }

    /** The empty key, then every {@code MAX_URLS}-th name: the walk touches each distinct name once. */
    @Override
    public List<String> pages() {
        List<String> keys =
                jdbc.sql(PAGES).param("per", MAX_URLS).query(String.class).list();
        boolean any = jdbc.sql("select exists (select 1 from post_hashtags where not hidden)")
                .query(Boolean.class)
                .single();
        List<String> pages = new ArrayList<>();
        if (any) {
            pages.add("");
            pages.addAll(keys);
        }
        return pages;
    }

    @Override
    public boolean isPage(String key) {
        return key.isEmpty()
                || Hashtags.HASHTAG.matcher("#" + key).matches() && key.equals(key.toLowerCase(Locale.ROOT));
    }

    @Override
    public void write(String page, Consumer<Url> out) {
        String after = page;
        int written = 0;
        while (written < MAX_URLS) {
            List<Url> chunk = jdbc.sql(AFTER)
                    .param("after", after)
                    .param("limit", Math.min(CHUNK, MAX_URLS - written))
                    .query((rs, n) -> new Url(
                            "/tags/" + UriUtils.encodePathSegment(rs.getString(1), StandardCharsets.UTF_8),
                            PostSitemap.instant(rs.getTimestamp(2))))
                    .list();
            chunk.forEach(out);
            written += chunk.size();
            if (chunk.size() < CHUNK) {
                return;
            }
            String last = chunk.get(chunk.size() - 1).path();
            after = UriUtils.decode(last.substring("/tags/".length()), StandardCharsets.UTF_8);
        }
    }
}
