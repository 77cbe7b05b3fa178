package io.sparkfeed.feed;

import io.sparkfeed.accounts.AccountSummary;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.PostCards;
import io.sparkfeed.posts.PostFilter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    static final String POST_IDS = ids("from posts t where t.hidden_at is null",
            "%1$s.created_at desc, %1$s.id desc");
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

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private final JdbcClient jdbc;
    private final PostCards cards;
    private final Catalog catalog;
    private final Accounts accounts;

    Search(JdbcClient jdbc, PostCards cards, Catalog catalog, Accounts accounts) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    /** One page of each kind of result; {@code truncated} when the query was cut to {@link #MAX_QUERY}. */
    public record Results(String query, boolean truncated, List<PostCard> posts, List<ProductCard> products,
            List<AccountSummary> accounts, boolean morePosts, boolean moreProducts, boolean moreAccounts, int page) {

        public boolean empty() {
            return posts.isEmpty() && products.isEmpty() && accounts.isEmpty();
        }
    }

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
        List<Long> postIds = ids(POST_IDS, q, offset, size + 1);
        List<Long> productIds = ids(PRODUCT_IDS, q, offset, size + 1);
        List<Long> accountIds = ids(ACCOUNT_IDS, q, offset, size + 1);
        return new Results(q, truncated, posts(first(postIds, size), viewerId), products(first(productIds, size)),
                accountsOf(first(accountIds, size)), postIds.size() > size, productIds.size() > size,
                accountIds.size() > size, page);
    }

    private List<Long> ids(String sql, String q, int offset, int limit) {
        return jdbc.sql(sql).param("q", q).param("candidates", CANDIDATES).param("offset", offset)
                .param("limit", limit).query(Long.class).list();
    }

    private static List<Long> first(List<Long> ids, int size) {
        return ids.size() > size ? ids.subList(0, size) : ids;
    }

    private List<PostCard> posts(List<Long> ids, Long viewerId) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<PostCard> found = cards.page(new PostFilter.ByIds(ids), null, Math.min(100, ids.size()), viewerId).posts();
        return found.stream().sorted(Comparator.comparingInt(card -> ids.indexOf(card.id()))).toList();
    }

    private List<ProductCard> products(List<Long> ids) {
        Map<Long, ProductCard> found = catalog.cards(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private List<AccountSummary> accountsOf(List<Long> ids) {
        Map<Long, AccountSummary> found = accounts.summaries(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
