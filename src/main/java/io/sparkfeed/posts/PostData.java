package io.sparkfeed.posts;

import io.sparkfeed.accounts.PersonalData;
import io.sparkfeed.media.Images;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The posts module's part of a data export: one's posts with their photos at the largest size media stores (it keeps
 * no original; read through {@link Images}, wherever they are stored), one's comments and one's smiles. A post taken
 * down is included: it is still one's own. Erasing deletes one's smiles and comments (the counts on the posts they
 * were on go down with them; a hidden comment was counted off already), one's posts with their photos (as
 * {@link Posts#delete} does, for every post at once) and the times one posted (the posting limit's).
 */
@Component
class PostData implements PersonalData {

    record Post(
            long id,
            String caption,
            String altText,
            String disclosure,
            Instant createdAt,
            Instant hiddenAt,
            String photo,
            String imageKey) {}

    record Comment(long id, long postId, String body, Instant createdAt) {}

    record Smile(long postId, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Images images;
    private final Posts posts;

    PostData(JdbcClient jdbc, Images images, Posts posts) {
        this.jdbc = jdbc;
        this.images = images;
        this.posts = posts;
    }

    @Override
    public String name() {
        return "posts";
    }

    @Override
    public void export(long accountId, Sink out) throws IOException {
        List<Post> mine = jdbc.sql("""
                        select id, caption, alt_text, disclosure, created_at, hidden_at, image_key
                        from posts where author_id = ? order by created_at, id""")
                .param(accountId)
                .query((rs, row) -> new Post(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        "photos/" + rs.getLong(1) + ".jpg",
                        rs.getString(7)))
                .list();
        out.json("posts", mine);
        for (Post post : mine) {
            Resource photo = images.largest(post.imageKey()).orElse(null);
            if (photo != null) {
                out.file(post.photo(), stream -> {
                    try (InputStream in = photo.getInputStream()) {
                        in.transferTo(stream);
                    }
                });
            }
        }
        out.json(
                "comments",
                jdbc.sql("""
                                select id, post_id, body, created_at from comments
                                where author_id = ? order by created_at, id""")
                        .param(accountId)
                        .query((rs, row) -> new Comment(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant()))
                        .list());
        out.json(
                "smiles",
                jdbc.sql("select post_id, created_at from smiles where account_id = ? order by created_at")
                        .param(accountId)
                        .query((rs, row) ->
                                new Smile(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                        .list());
    }

    @Override
    public void erase(long accountId) {
        jdbc.sql("""
                        with gone as (delete from smiles where account_id = ? returning post_id)
                        update posts p set smile_count = greatest(p.smile_count - g.n, 0)
                        from (select post_id, count(*) as n from gone group by post_id) g where p.id = g.post_id""").param(accountId).update();
        jdbc.sql("""
                        with gone as (delete from comments where author_id = ? returning post_id, hidden_at)
                        update posts p set comment_count = greatest(p.comment_count - g.n, 0)
                        from (select post_id, count(*) as n from gone where hidden_at is null group by post_id) g
                        where p.id = g.post_id""").param(accountId).update();
        List<Long> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        jdbc.sql("select id, image_key from posts where author_id = ?")
                .param(accountId)
                .query((rs, row) -> ids.add(rs.getLong(1)) && keys.add(rs.getString(2)))
                .list();
        posts.deleteAll(ids, keys);
        jdbc.sql("delete from post_publications where author_id = ?")
                .param(accountId)
                .update();
    }
}
