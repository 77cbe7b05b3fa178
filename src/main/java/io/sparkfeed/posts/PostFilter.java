package io.sparkfeed.posts;

import java.util.List;

/**
 * Which posts a list shows. Lists never show hidden posts; the discovery filters name the viewer whose follows,
 * interests and purchases shape them.
 */
public sealed interface PostFilter {

    record All() implements PostFilter {
    }

    record ByAuthor(long authorId) implements PostFilter {
    }

    record ByHashtag(String tag) implements PostFilter {
    }

    record ByProduct(long productId) implements PostFilter {
    }

    record ByIds(List<Long> ids) implements PostFilter {
    }

    static PostFilter all() {
        return new All();
    }
}
