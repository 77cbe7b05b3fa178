package io.sparkfeed.posts;

import java.util.List;

/**
 * Which posts a list shows. Lists never show hidden posts, except to their author on their own profile; the
 * discovery filters name the viewer whose follows, interests and purchases shape them.
 */
public sealed interface PostFilter {

    record All() implements PostFilter {}

    record ByAuthor(long authorId) implements PostFilter {}

    record ByHashtag(String tag) implements PostFilter {}

    record ByProduct(long productId) implements PostFilter {}

    record ByIds(List<Long> ids) implements PostFilter {}

    record ByInterest(int interestId) implements PostFilter {}

    /** Posts by accounts the viewer follows. */
    record Following(long viewerId) implements PostFilter {}

    /**
     * Posts by accounts the viewer follows or in the viewer's interests; with {@code hidePurchased}, not the posts
     * whose tagged products the viewer has all bought in the last 90 days.
     */
    record ForYou(long viewerId, boolean hidePurchased) implements PostFilter {}

    static PostFilter all() {
        return new All();
    }
}
