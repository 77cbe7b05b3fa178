package io.sparkfeed.feed;

import io.sparkfeed.accounts.AccountKind;
import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.PostCards;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over posts (caption, hashtags, tagged products' titles and brands), products (title, brand,
 * description) and accounts (handle, display name), in English and French, with or without accents. PostgreSQL's
 * websearch syntax never fails on odd input; control characters become spaces; the best match comes first.
 */
@Service
public class Search {

    public static final int MAX_QUERY = 200;

    /**
     * How many of the newest matches are ranked (25 pages of 20): about what ranking every match cost on a site of
     * ten thousand posts, whatever the size of the site.
     */
    static final int CANDIDATES = 500;

    /**
     * The query as PostgreSQL reads it in the three text configurations the search columns are built with (V32:
     * English, French and as typed, each without accents).
     */
    private static final String QUERY = "(websearch_to_tsquery('sparkfeed_english', :q)"
            + " || websearch_to_tsquery('sparkfeed_french', :q) || websearch_to_tsquery('sparkfeed_simple', :q))";

    static final String POST_IDS = ids("from posts t where t.hidden_at is null", "%1$s.created_at desc, %1$s.id desc");
    static final String PRODUCT_IDS = ids("from products t where t.active", "%1$s.id desc");
    static final String ACCOUNT_IDS = ids("from accounts t where t.suspended_at is null", "%1$s.id desc");

    /**
     * Ranks the newest {@link #CANDIDATES} matches only, so that a word in every tenth post costs what a rare word
     * costs: the planner finds them either by walking the newest-first index (a common word) or through the GIN
     * index (a rare word, all of whose matches are then candidates). Ties go to the newest. {@code visible} is the
     * from clause with the table as {@code t} and its visibility condition; {@code newestFirst} is the order with
     * {@code %1$s} for the table's alias.
     */
    private static String ids(String visible, String newestFirst) {
        return "select c.id from (select t.id, t.created_at, t.search " + visible
                + " and t.search @@ " + QUERY + " order by " + newestFirst.formatted("t") + " limit :candidates) c"
                + " order by ts_rank(c.search, " + QUERY + ") desc, " + newestFirst.formatted("c")
                + " offset :offset limit :limit";
    }

    /**
     * The three kinds in one statement: the posts' and the products' ids as arrays, and the accounts as rows with
     * what a result shows (one row with empty account columns when no account matches).
     */
    private static final String FIND = "select array(" + POST_IDS + ") as post_ids, array(" + PRODUCT_IDS
            + ") as product_ids, a.id, a.handle, a.display_name, a.kind, a.enthusiast"
            + " from (values (1)) one left join (unnest(array(" + ACCOUNT_IDS + ")) with ordinality r (id, n)"
            + " join accounts a on a.id = r.id) on true order by r.n";

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private final JdbcClient jdbc;
    private final PostCards cards;

    Search(JdbcClient jdbc, PostCards cards) {
        this.jdbc = jdbc;
        this.cards = cards;
    }

    /** One page of each kind of result; {@code truncated} when the query was cut to {@link #MAX_QUERY}. */
    public record Results(
            String query,
            boolean truncated,
            List<PostCard> posts,
            List<ProductCard> products,
            List<AccountResult> accounts,
            boolean morePosts,
            boolean moreProducts,
            boolean moreAccounts,
            int page) {

        public boolean empty() {
            return posts.isEmpty() && products.isEmpty() && accounts.isEmpty();
        }
    }

    /** An account as a result shows it: its name, handle and badges. */
    public record AccountResult(long id, String handle, String displayName, AccountKind kind, boolean enthusiast) {

        public boolean brand() {
            return kind == AccountKind.BRAND;
        }
    }

    /** The ids of each kind (a page and one more, to know whether another follows) and the accounts. */
    private record Found(List<Long> posts, List<Long> products, List<AccountResult> accounts) {}

    /**
     * Three statements whatever the page: the matches of every kind, the posts' cards, then the cards of the
     * posts' tagged products and of the matching products together.
     */
    @Transactional(readOnly = true)
    public Results find(String raw, int page, int size, Long viewerId) {
        // PostgreSQL refuses a NUL in text, and no control character means anything to a search: spaces instead
        String text = raw == null ? "" : CONTROL.matcher(raw).replaceAll(" ").strip();
        boolean truncated = text.length() > MAX_QUERY;
        String q = truncated ? text.substring(0, MAX_QUERY) : text;
        int offset = Math.max(0, page) * size;
        if (q.isBlank()) {
            return new Results(q, truncated, List.of(), List.of(), List.of(), false, false, false, page);
        }
        Found found = found(q, offset, size + 1);
        List<Long> productIds = first(found.products(), size);
        PostCards.CardsAndProducts shown = cards.withProducts(first(found.posts(), size), productIds, viewerId);
        List<ProductCard> products = productIds.stream()
                .map(shown.products()::get)
                .filter(Objects::nonNull)
                .toList();
        return new Results(
                q,
                truncated,
                shown.posts(),
                products,
                first(found.accounts(), size),
                found.posts().size() > size,
                found.products().size() > size,
                found.accounts().size() > size,
                page);
    }

    private Found found(String q, int offset, int limit) {
        List<Long> posts = new ArrayList<>();
        List<Long> products = new ArrayList<>();
        List<AccountResult> accounts = new ArrayList<>();
        jdbc.sql(FIND)
                .param("q", q)
                .param("candidates", CANDIDATES)
                .param("offset", offset)
                .param("limit", limit)
                .query(rs -> {
                    if (rs.getRow() == 1) {
                        posts.addAll(longs(rs.getArray("post_ids")));
                        products.addAll(longs(rs.getArray("product_ids")));
                    }
                    long id = rs.getLong("id");
                    if (!rs.wasNull()) {
                        accounts.add(new AccountResult(
                                id,
                                rs.getString("handle"),
                                rs.getString("display_name"),
                                AccountKind.valueOf(rs.getString("kind")),
                                EnthusiastStatus.APPROVED.name().equals(rs.getString("enthusiast"))));
                    }
                });
        return new Found(posts, products, accounts);
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(o -> ((Number) o).longValue())
                .toList();
    }

    private static <T> List<T> first(List<T> found, int size) {
        return found.size() > size ? found.subList(0, size) : found;
    }
}
