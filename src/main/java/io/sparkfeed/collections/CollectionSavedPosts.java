package io.sparkfeed.collections;

import io.sparkfeed.posts.SavedPosts;
import org.springframework.stereotype.Component;

/** "Saved by me" on a post card: one index probe (post, owner) in the card's own statement. */
@Component
class CollectionSavedPosts implements SavedPosts {

    @Override
    public String savedByViewerSql() {
        return "exists (select 1 from collection_items ci where ci.post_id = p.id and ci.owner_id = :viewer)";
    }
}
