package io.sparkfeed.posts;

import io.sparkfeed.media.ImageShowings;
import io.sparkfeed.media.Showing;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posts show their photos: publicly while one visible post shows it, and to the authors of hidden posts that show
 * it. Asked first, since most images are post photos (one statement on the index of {@code posts.image_key}).
 */
@Component
@Order(1)
class PostImageShowings implements ImageShowings {

    private final JdbcClient jdbc;

    PostImageShowings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Showing showing(String key) {
        return jdbc.sql("""
                        select coalesce(bool_or(hidden_at is null), false),
                               coalesce(array_agg(distinct author_id) filter (where hidden_at is not null), '{}')
                        from posts where image_key = ?""")
                .param(key)
                .query((rs, n) -> new Showing(
                        rs.getBoolean(1),
                        Arrays.stream((Long[]) rs.getArray(2).getArray()).collect(Collectors.toSet())))
                .single();
    }
}
