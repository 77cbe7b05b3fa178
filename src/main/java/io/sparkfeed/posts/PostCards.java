package io.sparkfeed.posts;

import io.sparkfeed.accounts.AccountKind;
import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.media.StoredImage;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model every list of posts is made of. A page costs two SQL statements whatever its size: the posts
 * with their authors, photos, counts and tag positions, then the tagged products' cards.
 */
@Service
public class PostCards {

    private static final String SELECT = """
            select p.id, p.author_id, a.handle, a.display_name, a.kind, a.enthusiast,
                   exists (select 1 from memberships m where m.account_id = p.author_id
                           and m.starts_at <= :now and m.ends_at > :now) as author_prime,
                   p.image_key, i.width, i.height, i.widths,
                   p.alt_text, p.caption, p.disclosure, p.disclosure_brand, p.smile_count, p.comment_count,
                   p.created_at, p.hidden_at, p.hidden_reason,
                   exists (select 1 from smiles s where s.post_id = p.id and s.account_id = :viewer) as smiled,
                   exists (select 1 from follows f where f.follower_id = :viewer and f.followed_id = p.author_id)
                       as following_author,
                   array (select t.product_id from post_tags t where t.post_id = p.id order by t.position) as tag_products,
                   array (select t.x from post_tags t where t.post_id = p.id order by t.position) as tag_x,
                   array (select t.y from post_tags t where t.post_id = p.id order by t.position) as tag_y,
                   array (select pi.interest_id from post_interests pi where pi.post_id = p.id order by pi.interest_id)
                       as interest_ids
            from posts p
            join accounts a on a.id = p.author_id
            join images i on i.key = p.image_key
            """;

    /** How far back a purchase counts as "you already have this". */
    public static final java.time.Duration PURCHASE_MEMORY = java.time.Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final org.springframework.beans.factory.ObjectProvider<PurchasedProducts> purchases;
    private final Clock clock;

    PostCards(JdbcClient jdbc, Catalog catalog,
            org.springframework.beans.factory.ObjectProvider<PurchasedProducts> purchases, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.purchases = purchases;
        this.clock = clock;
    }

    /** What the viewer bought lately: one statement for a signed-in viewer, none for a visitor. */
    private Set<Long> bought(Long viewerId) {
        PurchasedProducts source = purchases.getIfAvailable();
        if (viewerId == null || source == null) {
            return Set.of();
        }
        return source.boughtSince(viewerId, clock.instant().minus(PURCHASE_MEMORY));
    }

    private record Row(PostCard withoutTags, List<Long> productIds, List<BigDecimal> xs, List<BigDecimal> ys) {
    }

    /**
     * A newest-first page of visible posts matching the filter, after the cursor (null: from the newest). On their
     * own profile ({@link PostFilter.ByAuthor} with the viewer as author) authors also see their hidden posts.
     */
    @Transactional(readOnly = true)
    public PostPage page(PostFilter filter, Cursor after, int size, Long viewerId) {
        if (size < 1 || size > 100) {
            throw new IllegalArgumentException("page size " + size);
        }
        Set<Long> bought = bought(viewerId);
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamp.from(clock.instant()));
        params.put("viewer", viewerId == null ? -1L : viewerId);
        params.put("limit", size + 1);
        StringBuilder where = new StringBuilder(" where p.hidden_at is null");
        if (filter instanceof PostFilter.ByAuthor by) {
            if (viewerId != null && by.authorId() == viewerId) {
                // authors see their own hidden posts on their profile, marked removed with the reason
                where = new StringBuilder(" where true");
            }
            where.append(" and p.author_id = :author");
            params.put("author", by.authorId());
        } else if (filter instanceof PostFilter.ByHashtag by) {
            where.append(" and exists (select 1 from post_hashtags h where h.post_id = p.id and h.tag = :tag)");
            params.put("tag", by.tag());
        } else if (filter instanceof PostFilter.ByProduct by) {
            where.append(" and exists (select 1 from post_tags t where t.post_id = p.id and t.product_id = :product)");
            params.put("product", by.productId());
        } else if (filter instanceof PostFilter.ByIds by) {
            where.append(" and p.id = any(:ids)");
            params.put("ids", by.ids().toArray(Long[]::new));
        } else if (filter instanceof PostFilter.ByInterest by) {
            where.append(" and exists (select 1 from post_interests pi where pi.post_id = p.id and pi.interest_id = :interest)");
            params.put("interest", by.interestId());
        } else if (filter instanceof PostFilter.Following by) {
            where.append(" and exists (select 1 from follows f where f.follower_id = :follower and f.followed_id = p.author_id)");
            params.put("follower", by.viewerId());
        } else if (filter instanceof PostFilter.ForYou by) {
            where.append(" ").append("""
                     and (exists (select 1 from follows f where f.follower_id = :follower and f.followed_id = p.author_id)
                          or exists (select 1 from post_interests pi join account_interests ai
                                     on ai.interest_id = pi.interest_id and ai.account_id = :follower
                                     where pi.post_id = p.id))""");
            params.put("follower", by.viewerId());
            if (by.hidePurchased() && !bought.isEmpty()) {
                // leave out a post only when the viewer owns everything it tags
                where.append(" ").append("""
                         and not (exists (select 1 from post_tags t where t.post_id = p.id)
                                  and not exists (select 1 from post_tags t where t.post_id = p.id
                                                  and t.product_id <> all(:bought)))""");
                params.put("bought", bought.toArray(Long[]::new));
            }
        }
        if (after != null) {
            where.append(" and (p.created_at, p.id) < (:afterTime, :afterId)");
            params.put("afterTime", Timestamp.from(after.createdAt()));
            params.put("afterId", after.id());
        }
        List<Row> rows = jdbc.sql(SELECT + where + " order by p.created_at desc, p.id desc limit :limit")
                .params(params).query(PostCards::row).list();
        boolean more = rows.size() > size;
        List<PostCard> cards = withTags(more ? rows.subList(0, size) : rows, bought);
        Cursor next = more ? new Cursor(cards.get(cards.size() - 1).createdAt(), cards.get(cards.size() - 1).id())
                : null;
        return new PostPage(cards, next);
    }

    /**
     * One post for its page. A hidden post is shown only to its author and to admins (with the reason); to
     * everyone else it does not exist.
     */
    @Transactional(readOnly = true)
    public Optional<PostCard> one(long postId, Long viewerId, boolean viewerIsAdmin) {
        Map<String, Object> params = Map.of("now", Timestamp.from(clock.instant()),
                "viewer", viewerId == null ? -1L : viewerId, "id", postId);
        Optional<Row> row = jdbc.sql(SELECT + " where p.id = :id").params(params).query(PostCards::row).optional();
        return row.map(r -> withTags(List.of(r), bought(viewerId)).get(0))
                .filter(card -> !card.hidden() || viewerIsAdmin
                        || (viewerId != null && card.author().id() == viewerId));
    }

    private List<PostCard> withTags(List<Row> rows, Set<Long> bought) {
        Set<Long> productIds = rows.stream().flatMap(r -> r.productIds().stream()).collect(Collectors.toSet());
        Map<Long, ProductCard> products = catalog.cards(productIds);
        List<PostCard> cards = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<TaggedProduct> tags = new ArrayList<>();
            for (int i = 0; i < r.productIds().size(); i++) {
                ProductCard product = products.get(r.productIds().get(i));
                if (product != null) {
                    tags.add(new TaggedProduct(i, r.xs().get(i), r.ys().get(i), product, bought.contains(product.id())));
                }
            }
            PostCard c = r.withoutTags();
            cards.add(new PostCard(c.id(), c.author(), c.image(), c.altText(), c.caption(), c.disclosure(),
                    c.disclosureBrand(), c.smileCount(), c.commentCount(), List.copyOf(tags), c.createdAt(),
                    c.smiledByViewer(), c.hidden(), c.hiddenReason(), c.interestIds(), c.followingAuthor()));
        }
        return cards;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var author = new PostCard.Author(rs.getLong("author_id"), rs.getString("handle"),
                rs.getString("display_name"), AccountKind.valueOf(rs.getString("kind")),
                EnthusiastStatus.APPROVED.name().equals(rs.getString("enthusiast")), rs.getBoolean("author_prime"));
        var image = new StoredImage(rs.getString("image_key"), rs.getInt("width"), rs.getInt("height"),
                integers(rs.getArray("widths")));
        Timestamp hiddenAt = rs.getTimestamp("hidden_at");
        var card = new PostCard(rs.getLong("id"), author, image, rs.getString("alt_text"), rs.getString("caption"),
                Disclosure.valueOf(rs.getString("disclosure")), rs.getString("disclosure_brand"),
                rs.getInt("smile_count"), rs.getInt("comment_count"), List.of(),
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("smiled"), hiddenAt != null,
                rs.getString("hidden_reason"), integers(rs.getArray("interest_ids")), rs.getBoolean("following_author"));
        return new Row(card, longs(rs.getArray("tag_products")), decimals(rs.getArray("tag_x")),
                decimals(rs.getArray("tag_y")));
    }

    static List<Integer> integers(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> ((Number) o).intValue()).toList();
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> ((Number) o).longValue()).toList();
    }

    private static List<BigDecimal> decimals(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> (BigDecimal) o).toList();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
