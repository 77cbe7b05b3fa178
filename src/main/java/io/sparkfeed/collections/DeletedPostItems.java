package io.sparkfeed.collections;

import io.sparkfeed.posts.PostsDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Takes deleted posts out of every collection that holds them, in the deleting transaction and before the posts go
 * (their rows would otherwise go by cascade, leaving each collection's item count one too high).
 */
@Component
class DeletedPostItems {

    private final JdbcClient jdbc;

    DeletedPostItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PostsDeleted deleted) {
        jdbc.sql("""
                        with gone as (delete from collection_items where post_id = any(?) returning collection_id)
                        update collections c set item_count = greatest(c.item_count - g.n, 0)
                        from (select collection_id, count(*) as n from gone group by collection_id) g
                        where c.id = g.collection_id""").param(deleted.postIds().toArray(Long[]::new)).update();
    }
}
