package io.sparkfeed.posts;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "Bought here" badge of a tag: the post's author bought the tagged product through Sparkfeed (paid, not
 * cancelled or expired; the shop answers through {@link PurchasedProducts#paidFor}). Kept on the tag
 * ({@code post_tags.author_bought}) so that cards read it with their tags, at no statement of their own. Each
 * method recomputes the flags from the shop's answer, in the caller's transaction: calling it again changes nothing.
 */
@Service
public class OwnerBadges {

    private final JdbcClient jdbc;
    private final ObjectProvider<PurchasedProducts> purchases;

    OwnerBadges(JdbcClient jdbc, ObjectProvider<PurchasedProducts> purchases) {
        this.jdbc = jdbc;
        this.purchases = purchases;
    }

    /**
     * The author's purchases of these products changed (an order paid or cancelled): the tags of their posts on
     * these products follow. Called by the shop in the transaction that changed the order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void purchasesChanged(long authorId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        Long[] products = productIds.stream().distinct().toArray(Long[]::new);
        Long[] owned = paid(authorId, List.of(products)).toArray(Long[]::new);
        jdbc.sql("""
                        update post_tags t set author_bought = t.product_id = any(:owned)
                        from posts p
                        where p.author_id = :author and t.post_id = p.id and t.product_id = any(:products)
                          and t.author_bought <> (t.product_id = any(:owned))""")
                .param("owned", owned)
                .param("author", authorId)
                .param("products", products)
                .update();
    }

    /** A post's tags were written (published or edited): each says whether its author bought the product. */
    @Transactional(propagation = Propagation.MANDATORY)
    void tagsWritten(long postId, long authorId) {
        List<Long> tagged = jdbc.sql("select product_id from post_tags where post_id = ?")
                .param(postId)
                .query(Long.class)
                .list();
        if (tagged.isEmpty()) {
            return;
        }
        Long[] owned = paid(authorId, tagged).toArray(Long[]::new);
        jdbc.sql("update post_tags set author_bought = product_id = any(:owned) where post_id = :post")
                .param("owned", owned)
                .param("post", postId)
                .update();
    }

    private Set<Long> paid(long authorId, Collection<Long> productIds) {
        PurchasedProducts source = purchases.getIfAvailable();
        return source == null ? Set.of() : source.paidFor(authorId, productIds);
    }
}
