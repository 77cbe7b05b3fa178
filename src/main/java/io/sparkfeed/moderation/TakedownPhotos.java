package io.sparkfeed.moderation;

import io.sparkfeed.media.Images;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the photo of a hidden post from being served to anyone but its author and admins, and serves it again
 * when the post comes back. An image is stored once per content, so a photo some visible post or a product also
 * shows is left alone: withholding it would hide nothing and break the other page.
 */
@Component
class TakedownPhotos {

    private final Images images;
    private final JdbcClient jdbc;

    TakedownPhotos(Images images, JdbcClient jdbc) {
        this.images = images;
        this.jdbc = jdbc;
    }

    private record Photo(String key, long authorId, boolean shownElsewhere) {
    }

    void withhold(long postId) {
        jdbc.sql("""
                        select p.image_key, p.author_id,
                               exists (select 1 from posts o where o.image_key = p.image_key and o.id <> p.id
                                       and o.hidden_at is null)
                               or exists (select 1 from product_images pi where pi.image_key = p.image_key)
                        from posts p where p.id = ?""")
                .param(postId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getLong(2), rs.getBoolean(3))).optional()
                .filter(photo -> !photo.shownElsewhere())
                .ifPresent(photo -> images.withhold(photo.key(), photo.authorId()));
    }

    void release(long postId) {
        jdbc.sql("select image_key from posts where id = ?").param(postId).query(String.class).optional()
                .ifPresent(images::release);
    }
}
