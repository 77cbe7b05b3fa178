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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model every list of posts is made of. A page costs two SQL statements whatever its size: the posts
 * with their authors, photos, counts and tag positions (and, for a signed-in reader, what they bought lately, from
 * {@link PurchasedProducts#boughtSinceSql()}), then the tagged products' cards.
 */
@Service
public class PostCards {

    private static final String SELECT = """
            select p.id, p.author_id, a.handle, a.display_name, a.kind, a.enthusiast,
                   (select true from memberships m where m.account_id = p.author_id
                    and m.starts_at <= :now and m.ends_at > :now limit 1) is not null as author_prime,
                   p.image_key, i.width, i.height, i.widths,
                   p.alt_text, p.caption, p.disclosure, p.disclosure_brand, p.smile_count, p.comment_count,
                   p.save_count,
                   p.created_at, p.hidden_at, p.hidden_reason,
                   (select true from smiles s where s.post_id = p.id and s.account_id = :viewer limit 1) is not null
                       as smiled,
                   exists (select 1 from follows f where f.follower_id = :viewer and f.followed_id = p.author_id)
                       as following_author,
                   array (select t.product_id from post_tags t where t.post_id = p.id order by t.position) as tag_products,
                   array (select t.x from post_tags t where t.post_id = p.id order by t.position) as tag_x,
                   array (select t.y from post_tags t where t.post_id = p.id order by t.position) as tag_y,
                   array (select t.author_bought from post_tags t where t.post_id = p.id order by t.position)
                       as tag_owned,
                   cast(null as integer) as why_interest, false as why_popular,
                   array (select pi.interest_id from post_interests pi where pi.post_id = p.id order by pi.interest_id)
                       as interest_ids,
                   %1$s as viewer_bought,
                   %2$s as saved
            from posts p
            join account_names a on a.id = p.author_id
            join image_sizes i on i.key = p.image_key
            """;

    /** The reason columns of every list but For you, which replaces them with its own. */
    private static final String NO_REASON = "cast(null as integer) as why_interest, false as why_popular";

    /**
     * Why a For you card is there, from its keys ({@code k.why_interest}: the viewer's interest that brought it, or
     * null when a followed author did), and whether at least {@link WhyShown#POPULAR_SMILES} (3) people with that interest smiled
     * at it (a bounded probe of the post's smiles).
     */
    private static final String FOR_YOU_REASON = """
            k.why_interest, k.why_interest is not null and (select count(*) from (select 1 from smiles s
                join account_interests si on si.account_id = s.account_id and si.interest_id = k.why_interest
                where s.post_id = p.id limit 3) popular) >= 3 as why_popular""";

    /** How far back a purchase counts as "you already have this". */
    public static final Duration PURCHASE_MEMORY = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ObjectProvider<PurchasedProducts> purchases;
    private final ObjectProvider<SavedPosts> saves;
    private final Clock clock;
    /** The cards' statement for a visitor, or a reader whose purchases were read already: nobody bought anything. */
    private final String anonymousSelect = SELECT.formatted(NOTHING_BOUGHT, "false");
    /**
     * For a signed-in reader: with what they bought lately and what they saved; null until first used (the shop and
     * the collections may be absent).
     */
    private volatile String viewerSelect;
    /** For a signed-in reader whose purchases were read apart: what they saved only. */
    private volatile String viewerSavedSelect;

    private static final String NOTHING_BOUGHT = "cast('{}' as bigint[])";

    PostCards(
            JdbcClient jdbc,
            Catalog catalog,
            ObjectProvider<PurchasedProducts> purchases,
            ObjectProvider<SavedPosts> saves,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.purchases = purchases;
        this.saves = saves;
        this.clock = clock;
    }

    /** The cards' statement: with the reader's purchases when they are signed in and they were not read apart. */
    private String select(Long viewerId, boolean boughtKnown) {
        if (viewerId == null) {
            return anonymousSelect;
        }
        String select = boughtKnown ? viewerSavedSelect : viewerSelect;
        if (select == null) {
            PurchasedProducts source = purchases.getIfAvailable();
            SavedPosts saved = saves.getIfAvailable();
            select = SELECT.formatted(
                    source == null || boughtKnown ? NOTHING_BOUGHT : source.boughtSinceSql(),
                    saved == null ? "false" : saved.savedByViewerSql());
            if (boughtKnown) {
                viewerSavedSelect = select;
            } else {
                viewerSelect = select;
            }
        }
        return select;
    }

    /** What the viewer bought lately: one statement for a signed-in viewer, none for a visitor. */
    private Set<Long> bought(Long viewerId) {
        PurchasedProducts source = purchases.getIfAvailable();
        if (viewerId == null || source == null) {
            return Set.of();
        }
        return source.boughtSince(viewerId, clock.instant().minus(PURCHASE_MEMORY));
    }

    /** {@code viewerBought} is read from the first row only (every row carries the same). */
    private record Row(
            PostCard withoutTags,
            List<Long> productIds,
            List<BigDecimal> xs,
            List<BigDecimal> ys,
            List<Boolean> owned,
            WhyShown why,
            Set<Long> viewerBought) {}

    /**
     * A newest-first page of visible posts matching the filter, after the cursor (null: from the newest). On their
     * own profile ({@link PostFilter.ByAuthor} with the viewer as author) authors also see their hidden posts.
     * One statement: the page's post ids come from an index that matches the filter and the order (see
     * {@link #keys}), then the cards are joined to those ids only.
     */
    @Transactional(readOnly = true)
    public PostPage page(PostFilter filter, Cursor after, int size, Long viewerId) {
        if (size < 1 || size > 100) {
            throw new IllegalArgumentException("page size " + size);
        }
        // For you leaves out what the reader owns inside its index scans: it needs their purchases first
        Set<Long> bought = hidesPurchased(filter) ? bought(viewerId) : null;
        Query query = query(filter, after, size, viewerId, bought == null ? Set.of() : bought);
        List<Row> rows = jdbc.sql(query.sql())
                .params(query.params())
                .query(PostCards::row)
                .list();
        boolean more = rows.size() > size;
        List<Row> shown = more ? rows.subList(0, size) : rows;
        List<PostCard> cards = withTags(shown, bought(bought, rows), Set.of()).posts();
        Cursor next = more
                ? new Cursor(
                        cards.get(cards.size() - 1).createdAt(),
                        cards.get(cards.size() - 1).id())
                : null;
        Map<Long, WhyShown> reasons = new HashMap<>();
        if (filter instanceof PostFilter.ForYou) {
            shown.forEach(r -> reasons.put(r.withoutTags().id(), r.why()));
        }
        return new PostPage(cards, next, Map.copyOf(reasons));
    }

    /** The statement of one page of cards and its parameters (the plan tests explain it). */
    record Query(String sql, Map<String, Object> params) {}

    private static boolean hidesPurchased(PostFilter filter) {
        return filter instanceof PostFilter.ForYou forYou && forYou.hidePurchased();
    }

    /** What the reader bought: read apart, or else carried by the rows (nothing when there are none). */
    private static Set<Long> bought(Set<Long> readApart, List<Row> rows) {
        return readApart != null
                ? readApart
                : rows.isEmpty() ? Set.of() : rows.get(0).viewerBought();
    }

    /**
     * One page's statement: a page and one more card, to know whether another page follows. {@code bought} is
     * what the reader bought, read apart for For you; the other lists read it in this statement.
     *
     * <p>The page's {@code :limit} is written into the statement as a number, not bound. PostgreSQL plans a bound
     * LIMIT of a reused (prepared) statement as a tenth of the matching rows: on a site of a million posts that
     * generic plan looks thousands of times dearer than the plan for 21 rows, so every execution was planned anew
     * (about a millisecond, as long as running it), while on a small site the generic plan won and was reused. With
     * the number in the text, the generic plan is the page's plan, and it is reused at any size.
     */
    Query query(PostFilter filter, Cursor after, int size, Long viewerId, Set<Long> bought) {
        if (size < 1 || size > 100) {
            throw new IllegalArgumentException("page size " + size);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamp.from(clock.instant()));
        params.put("viewer", viewerId == null ? -1L : viewerId);
        params.put("since", Timestamp.from(clock.instant().minus(PURCHASE_MEMORY)));
        if (after != null) {
            params.put("afterTime", Timestamp.from(after.createdAt()));
            params.put("afterId", after.id());
        }
        boolean ownProfile = filter instanceof PostFilter.ByAuthor by && viewerId != null && by.authorId() == viewerId;
        String keys = keys(filter, ownProfile, after != null, bought, params);
        // authors see their own hidden posts on their profile, marked removed with the reason
        String visible = ownProfile ? "" : " where p.hidden_at is null";
        String select = select(viewerId, hidesPurchased(filter));
        if (filter instanceof PostFilter.ForYou) {
            select = select.replace(NO_REASON, FOR_YOU_REASON);
        }
        String sql = select + " join (" + keys + ") k on k.id = p.id" + visible
                + " order by p.created_at desc, p.id desc limit :limit";
        return new Query(sql.replace(":limit", Integer.toString(size + 1)), params);
    }

    /**
     * The ids (and times) of one page, as a subquery that starts from an index matching the filter and the
     * newest-first order, and reads about a page of entries per key: the links of a hashtag, product or interest
     * (which carry their post's time and hidden state, V40), an author's posts, and for the merged lists (Following,
     * For you) a page per interest and a short range per followed account (see {@link #merged}).
     */
    private static String keys(
            PostFilter filter, boolean ownProfile, boolean paged, Set<Long> bought, Map<String, Object> params) {
        if (filter instanceof PostFilter.ByAuthor by) {
            params.put("author", by.authorId());
            return posts("p.author_id = :author" + (ownProfile ? "" : " and p.hidden_at is null"), paged);
        } else if (filter instanceof PostFilter.ByIds by) {
            params.put("ids", by.ids().toArray(Long[]::new));
            return posts("p.id = any(:ids) and p.hidden_at is null", paged);
        } else if (filter instanceof PostFilter.ByHashtag by) {
            params.put("tag", by.tag());
            return links("", "from post_hashtags l where l.tag = :tag", paged, "");
        } else if (filter instanceof PostFilter.ByProduct by) {
            params.put("product", by.productId());
            // a product tagged twice on one photo is one post
            return links("distinct ", "from post_tags l where l.product_id = :product", paged, "");
        } else if (filter instanceof PostFilter.ByInterest by) {
            params.put("interest", by.interestId());
            return links("", "from post_interests l where l.interest_id = :interest", paged, "");
        } else if (filter instanceof PostFilter.Following by) {
            params.put("follower", by.viewerId());
            return merged(null, "", paged);
        } else if (filter instanceof PostFilter.ForYou by) {
            params.put("follower", by.viewerId());
            String owned = "";
            if (by.hidePurchased() && !bought.isEmpty()) {
                owned = " and " + notAllBought("%1$s");
                params.put("bought", bought.toArray(Long[]::new));
            }
            String picked = "select k.id, k.created_at, ai.interest_id from account_interests ai cross join lateral ("
                    + links(
                            "",
                            "from post_interests l where l.interest_id = ai.interest_id",
                            paged,
                            owned.formatted("l.post_id"))
                    + ") k where ai.account_id = :follower";
            return merged(picked, owned, paged);
        }
        return posts("p.hidden_at is null", paged);
    }

    /**
     * The followed accounts' posts merged with {@code picked} (a page from each of the viewer's interests, or
     * null), without reading a page per followed account. The page cannot reach below a floor: the page-th newest
     * of the picked posts, or for Following alone of the accounts' newest posts ("heads", one index probe each).
     * Each account is then read from its newest post down to that floor only: about two probes per followed
     * account, however many posts each has. {@code owned} leaves out what the viewer bought inside each scan, so
     * that each still yields what the page needs.
     *
     * <p>Each account's scan must walk its index newest first and stop after a page. The planner expects the average
     * account's few posts, fewer than a page (while the accounts people follow are the prolific ones), and with a
     * number as the limit it would rather collect them all by bitmap and sort them: every post of each followed
     * account down to the floor. The limit comes from the floor's row instead ({@code floor.n}); a limit unknown when
     * planning is costed as a fraction of the rows, which makes the ordered index scan, stopping early, the cheap one.
     */
    private static String merged(String picked, String owned, boolean paged) {
        String byAuthor = "p.author_id = f.followed_id and p.hidden_at is null" + owned.formatted("p.id");
        String candidates = picked == null
                ? "select k.id, k.created_at from follows f cross join lateral (" + posts(byAuthor, paged, "1")
                        + ") k where f.follower_id = :follower"
                : "select distinct id, created_at from picked";
        String followed = "select k.id, k.created_at" + (picked == null ? "" : ", null")
                + " from floor, follows f cross join lateral ("
                + posts(byAuthor + " and p.created_at >= floor.created_at", paged, "floor.n")
                + ") k where f.follower_id = :follower";
        // For you says why each post is there: a followed author wins over an interest, else the lowest interest
        String merged = picked == null
                ? "select u.id, u.created_at from (" + followed + ") u"
                : "select u.id, u.created_at, case when bool_or(u.interest_id is null) then null"
                        + " else min(u.interest_id) end as why_interest"
                        + " from (select id, created_at, interest_id from picked union all " + followed + ") u"
                        + " group by u.id, u.created_at";
        // the floor is one row joined once, not a subquery in each scan (which the planner would cost per account)
        return "with " + (picked == null ? "" : "picked as (" + picked + "), ")
                + "floor as materialized (select :limit as n, coalesce((select created_at from (" + candidates + ") d"
                + " order by created_at desc, id desc offset :limit - 1 limit 1), '-infinity') as created_at) "
                + merged + " order by u.created_at desc, u.id desc limit :limit";
    }

    /** Posts matching a condition on {@code posts p}, newest first, a page of them. */
    private static String posts(String condition, boolean paged) {
        return posts(condition, paged, ":limit");
    }

    private static String posts(String condition, boolean paged, String limit) {
        return "select p.id, p.created_at from posts p where " + condition
                + (paged ? " and (p.created_at, p.id) < (:afterTime, :afterId)" : "")
                + " order by p.created_at desc, p.id desc limit " + limit;
    }

    /**
     * Visible posts linked to a key in one of the link tables, newest first, a page of them; {@code from} names the
     * table as {@code l} and the key's condition.
     */
    private static String links(String distinct, String from, boolean paged, String extra) {
        return "select " + distinct + "l.post_id as id, l.created_at " + from + " and not l.hidden"
                + (paged ? " and (l.created_at, l.post_id) < (:afterTime, :afterId)" : "") + extra
                + " order by l.created_at desc, l.post_id desc limit :limit";
    }

    /**
     * Leaves out a post (its id in the placeholder) when the viewer owns everything it tags. A scalar subquery (and
     * {@code limit 1} in the cards' flags above): one index probe per post, never a hash of the whole table, which
     * the planner prefers for an EXISTS while the table is small.
     */
    private static String notAllBought(String postId) {
        return "(select bool_and(t.product_id = any(:bought)) from post_tags t where t.post_id = " + postId
                + ") is not true";
    }

    /**
     * One post for its page. A hidden post is shown only to its author and to admins (with the reason); to
     * everyone else it does not exist.
     */
    @Transactional(readOnly = true)
    public Optional<PostCard> one(long postId, Long viewerId, boolean viewerIsAdmin) {
        Map<String, Object> params = Map.of(
                "now",
                Timestamp.from(clock.instant()),
                "viewer",
                viewerId == null ? -1L : viewerId,
                "id",
                postId,
                "since",
                Timestamp.from(clock.instant().minus(PURCHASE_MEMORY)));
        Optional<Row> row = jdbc.sql(select(viewerId, false) + " where p.id = :id")
                .params(params)
                .query(PostCards::row)
                .optional();
        return row.map(r ->
                        withTags(List.of(r), r.viewerBought(), Set.of()).posts().get(0))
                .filter(card -> !card.hidden()
                        || viewerIsAdmin
                        || (viewerId != null && card.author().id() == viewerId));
    }

    /**
     * Cards of the given posts, in this order (hidden ones left out), and in the same statement as their tagged
     * products the cards of {@code moreProducts}: a search page shows both in a constant number of statements.
     */
    @Transactional(readOnly = true)
    public CardsAndProducts withProducts(List<Long> postIds, Collection<Long> moreProducts, Long viewerId) {
        if (postIds.isEmpty()) {
            return new CardsAndProducts(List.of(), catalog.cards(moreProducts));
        }
        if (postIds.size() > 100) {
            throw new IllegalArgumentException("posts " + postIds.size());
        }
        Query query = query(new PostFilter.ByIds(postIds), null, postIds.size(), viewerId, Set.of());
        List<Row> rows = jdbc.sql(query.sql())
                .params(query.params())
                .query(PostCards::row)
                .list();
        CardsAndProducts found = withTags(rows, bought(null, rows), moreProducts);
        List<PostCard> ordered = found.posts().stream()
                .sorted(Comparator.comparingInt(card -> postIds.indexOf(card.id())))
                .toList();
        return new CardsAndProducts(ordered, found.products());
    }

    /** Post cards, and the cards of the products read with them. */
    public record CardsAndProducts(List<PostCard> posts, Map<Long, ProductCard> products) {}

    private CardsAndProducts withTags(List<Row> rows, Set<Long> bought, Collection<Long> moreProducts) {
        Set<Long> productIds =
                rows.stream().flatMap(r -> r.productIds().stream()).collect(Collectors.toSet());
        productIds.addAll(moreProducts);
        Map<Long, ProductCard> products = catalog.cards(productIds);
        List<PostCard> cards = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<TaggedProduct> tags = new ArrayList<>();
            for (int i = 0; i < r.productIds().size(); i++) {
                ProductCard product = products.get(r.productIds().get(i));
                if (product != null) {
                    tags.add(new TaggedProduct(
                            i,
                            r.xs().get(i),
                            r.ys().get(i),
                            product,
                            bought.contains(product.id()),
                            r.owned().get(i)));
                }
            }
            PostCard c = r.withoutTags();
            cards.add(new PostCard(
                    c.id(),
                    c.author(),
                    c.image(),
                    c.altText(),
                    c.caption(),
                    c.disclosure(),
                    c.disclosureBrand(),
                    c.smileCount(),
                    c.commentCount(),
                    List.copyOf(tags),
                    c.createdAt(),
                    c.smiledByViewer(),
                    c.hidden(),
                    c.hiddenReason(),
                    c.interestIds(),
                    c.followingAuthor(),
                    c.saveCount(),
                    c.savedByViewer()));
        }
        return new CardsAndProducts(cards, products);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var author = new PostCard.Author(
                rs.getLong("author_id"),
                rs.getString("handle"),
                rs.getString("display_name"),
                AccountKind.valueOf(rs.getString("kind")),
                EnthusiastStatus.APPROVED.name().equals(rs.getString("enthusiast")),
                rs.getBoolean("author_prime"));
        var image = new StoredImage(
                rs.getString("image_key"), rs.getInt("width"), rs.getInt("height"), integers(rs.getArray("widths")));
        Timestamp hiddenAt = rs.getTimestamp("hidden_at");
        var card = new PostCard(
                rs.getLong("id"),
                author,
                image,
                rs.getString("alt_text"),
                rs.getString("caption"),
                Disclosure.valueOf(rs.getString("disclosure")),
                rs.getString("disclosure_brand"),
                rs.getInt("smile_count"),
                rs.getInt("comment_count"),
                List.of(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("smiled"),
                hiddenAt != null,
                rs.getString("hidden_reason"),
                integers(rs.getArray("interest_ids")),
                rs.getBoolean("following_author"),
                rs.getInt("save_count"),
                rs.getBoolean("saved"));
        return new Row(
                card,
                longs(rs.getArray("tag_products")),
                decimals(rs.getArray("tag_x")),
                decimals(rs.getArray("tag_y")),
                booleans(rs.getArray("tag_owned")),
                new WhyShown((Integer) rs.getObject("why_interest"), rs.getBoolean("why_popular")),
                n == 0 ? Set.copyOf(longs(rs.getArray("viewer_bought"))) : Set.of());
    }

    static List<Integer> integers(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(o -> ((Number) o).intValue())
                .toList();
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(o -> ((Number) o).longValue())
                .toList();
    }

    private static List<Boolean> booleans(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> (Boolean) o).toList();
    }

    private static List<BigDecimal> decimals(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(o -> (BigDecimal) o)
                .toList();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
