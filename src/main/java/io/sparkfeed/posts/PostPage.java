package io.sparkfeed.posts;

import java.util.List;

/** One page of post cards and the cursor of the next page (null on the last page). */
public record PostPage(List<PostCard> posts, Cursor next) {

    public boolean hasNext() {
        return next != null;
    }
}
