package io.sparkfeed.shop;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which post a cart line or an order line is credited to. The rule (a post that tags the product and is not hidden)
 * is the posts module's, published as the view {@code post_credits}; the statistics flush reads the same view.
 * A made-up {@code ?from=}, or a post hidden since the line went into the cart, credits nobody.
 */
@Component
class PostCredits {

    private final JdbcClient jdbc;

    PostCredits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a line of this product may be credited to this post. */
    boolean credits(long postId, long productId) {
        return jdbc.sql("select exists (select 1 from post_credits where post_id = ? and product_id = ?)")
                .params(postId, productId)
                .query(Boolean.class)
                .single();
    }

    /** The (post, product) pairs among these posts that may be credited, in one statement. */
    Set<Pair> among(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select post_id, product_id from post_credits where post_id = any(?)")
                .param(postIds.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2)))
                .list());
    }

    record Pair(long postId, long productId) {}
}
