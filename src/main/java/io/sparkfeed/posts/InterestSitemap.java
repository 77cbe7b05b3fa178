package io.sparkfeed.posts;

import io.sparkfeed.accounts.Interest;
import io.sparkfeed.accounts.Interests;
import io.sparkfeed.platform.SitemapSection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The front page, the interests page and each interest's page (a fixed list of about twenty); an interest's page
 * changed last when its newest visible post was published (one probe of {@code post_interests_list_idx} each).
 */
@Component
class InterestSitemap implements SitemapSection {

    private final JdbcClient jdbc;
    private final Interests interests;

    InterestSitemap(JdbcClient jdbc, Interests interests) {
        this.jdbc = jdbc;
        this.interests = interests;
    }

    @Override
    public String name() {
        return "pages";
    }

    @Override
    public List<String> pages() {
        return List.of("0");
    }

    @Override
    public boolean isPage(String key) {
        return "0".equals(key);
    }

    @Override
    public void write(String page, Consumer<Url> out) {
        List<Interest> all = interests.all();
        String ids = all.stream().map(i -> Integer.toString(i.id())).collect(Collectors.joining(",", "{", "}"));
        Map<Integer, Instant> newest = new HashMap<>();
        jdbc.sql("""
                        select i.id, (select p.created_at from post_interests p
                                      where p.interest_id = i.id and not p.hidden
                                      order by p.created_at desc, p.post_id desc limit 1)
                        from unnest(cast(? as integer[])) as i(id)""").param(ids).query(rs -> {
            newest.put(rs.getInt(1), PostSitemap.instant(rs.getTimestamp(2)));
        });
        Instant latest = newest.values().stream()
                .filter(at -> at != null)
                .max(Instant::compareTo)
                .orElse(null);
        out.accept(new Url("/", latest));
        out.accept(new Url("/interests", latest));
        all.forEach(interest -> out.accept(new Url("/interests/" + interest.slug(), newest.get(interest.id()))));
    }
}
