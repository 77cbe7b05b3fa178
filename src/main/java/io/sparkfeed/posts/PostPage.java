package io.sparkfeed.posts;

import java.util.List;
import java.util.Map;

/**
 * One page of post cards and the cursor of the next page (null on the last page); for For you, why each card is
 * there, by post id (the viewer's own state, kept beside the cards).
 */
public record PostPage(List<PostCard> posts, Cursor next, Map<Long, WhyShown> reasons) {

    public PostPage(List<PostCard> posts, Cursor next) {
        this(posts, next, Map.of());
    }

    public boolean hasNext() {
        return next != null;
    }
}
