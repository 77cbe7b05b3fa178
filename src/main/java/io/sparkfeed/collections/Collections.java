package io.sparkfeed.collections;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.Cursor;
import io.sparkfeed.posts.SaveCounts;
import io.sparkfeed.posts.SaveState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's collections and what they saved in them. Every write of an account is serialized (a transaction lock
 * on the account), so the bounds and the post's save count (accounts that saved it, in any collection) hold under
 * concurrent requests; the count moves in the same transaction as the item.
 */
@Service
public class Collections {

    public static final int MAX_NAME = 60;
    public static final int MAX_COLLECTIONS = 30;
    public static final int MAX_ITEMS = 500;
    /** The stored name of the default collection (pages show it in their language). */
    static final String DEFAULT_NAME = "Saved";
    /** After every save: where the first page starts. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private static final String VIEW = """
            select c.id, c.owner_id, a.handle, a.display_name, c.name, c.is_default, c.public, c.item_count,
                   c.updated_at
            from collections c join account_names a on a.id = c.owner_id
            """;

    private final JdbcClient jdbc;
    private final SaveCounts saveCounts;
    private final Catalog catalog;
    private final Clock clock;

    Collections(JdbcClient jdbc, SaveCounts saveCounts, Catalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.saveCounts = saveCounts;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The owner's collections, "Saved" first, then by name. */
    @Transactional(readOnly = true)
    public List<CollectionView> mine(long ownerId) {
        return jdbc.sql(VIEW + " where c.owner_id = ? order by c.is_default desc, lower(c.name), c.id")
                .param(ownerId)
                .query(Collections::view)
                .list();
    }

    /**
     * Saves a post or product into a collection of the owner's ({@code collectionId}), or "Saved" when null (made on
     * the first save). Saving what is already there changes nothing.
     */
    @Transactional
    public SaveState save(long ownerId, SaveTarget target, Long collectionId) {
        if (target.isPost()) {
            saveCounts.requireVisible(target.postId());
        } else {
            catalog.get(target.productId());
        }
        lock(ownerId);
        long collection = collectionId == null ? defaultCollection(ownerId) : owned(ownerId, collectionId);
        boolean savedBefore = savedAnywhere(ownerId, target);
        int added = jdbc.sql("""
                        insert into collection_items (collection_id, owner_id, post_id, product_id, added_at)
                        select :collection, :owner, :post, :product, :now
                        where (select item_count from collections where id = :collection) < :max
                        on conflict do nothing""")
                .param("collection", collection)
                .param("owner", ownerId)
                .param("post", target.postId(), Types.BIGINT)
                .param("product", target.productId(), Types.BIGINT)
                .param("now", Timestamp.from(clock.instant()))
                .param("max", MAX_ITEMS)
                .update();
        if (added == 0 && !contains(collection, target)) {
            throw new UserFacingException("collections.full", MAX_ITEMS);
        }
        if (added == 1) {
            moved(collection, 1);
            if (target.isPost() && !savedBefore) {
                saveCounts.add(target.postId(), 1);
            }
        }
        return state(ownerId, target);
    }

    /** Takes a post or product out of every collection of the owner's. */
    @Transactional
    public SaveState unsave(long ownerId, SaveTarget target) {
        lock(ownerId);
        List<Long> from = jdbc.sql("""
                        delete from collection_items
                        where owner_id = :owner and post_id is not distinct from :post
                          and product_id is not distinct from :product
                        returning collection_id""")
                .param("owner", ownerId)
                .param("post", target.postId(), Types.BIGINT)
                .param("product", target.productId(), Types.BIGINT)
                .query(Long.class)
                .list();
        from.forEach(collection -> moved(collection, -1));
        if (!from.isEmpty() && target.isPost()) {
            saveCounts.add(target.postId(), -1);
        }
        return state(ownerId, target);
    }

    /** Takes one item out of one of the owner's collections. */
    @Transactional
    public void removeItem(long ownerId, long collectionId, long itemId) {
        lock(ownerId);
        owned(ownerId, collectionId);
        Long postId = jdbc.sql("delete from collection_items where id = ? and collection_id = ? returning post_id")
                .params(itemId, collectionId)
                .query((rs, n) -> Optional.ofNullable((Long) rs.getObject(1)))
                .optional()
                .orElseThrow(() -> new NotFoundException("item " + itemId))
                .orElse(null);
        moved(collectionId, -1);
        if (postId != null && !savedAnywhere(ownerId, SaveTarget.post(postId))) {
            saveCounts.add(postId, -1);
        }
    }

    /**
     * Saves a post or product into a new named collection made for it (the "Save to…" page's last choice): both or
     * neither, so a refused save leaves no empty collection behind.
     */
    @Transactional
    public SaveState saveIntoNew(long ownerId, SaveTarget target, String name, boolean shared) {
        return save(ownerId, target, create(ownerId, name, shared));
    }

    /** A new named collection, private unless {@code shared}. */
    @Transactional
    public long create(long ownerId, String name, boolean shared) {
        String checked = checkName(name);
        lock(ownerId);
        long count = jdbc.sql("select count(*) from collections where owner_id = ?")
                .param(ownerId)
                .query(Long.class)
                .single();
        if (count >= MAX_COLLECTIONS) {
            throw new UserFacingException("collections.tooMany", MAX_COLLECTIONS);
        }
        requireFreeName(ownerId, checked, null);
        return insert(ownerId, checked, false, shared);
    }

    @Transactional
    public void rename(long ownerId, long collectionId, String name) {
        String checked = checkName(name);
        lock(ownerId);
        if (byDefault(ownerId, collectionId)) {
            throw new UserFacingException("collections.defaultFixed");
        }
        requireFreeName(ownerId, checked, collectionId);
        jdbc.sql("update collections set name = ?, updated_at = ? where id = ?")
                .params(checked, Timestamp.from(clock.instant()), collectionId)
                .update();
    }

    /** Makes a collection public (its page, feed and sitemap entry) or private again. */
    @Transactional
    public void share(long ownerId, long collectionId, boolean shared) {
        lock(ownerId);
        owned(ownerId, collectionId);
        jdbc.sql("update collections set public = ?, updated_at = ? where id = ?")
                .params(shared, Timestamp.from(clock.instant()), collectionId)
                .update();
    }

    /** Deletes a named collection and its items ("Saved" stays); posts saved nowhere else count one save fewer. */
    @Transactional
    public void delete(long ownerId, long collectionId) {
        lock(ownerId);
        if (byDefault(ownerId, collectionId)) {
            throw new UserFacingException("collections.defaultFixed");
        }
        List<Long> posts = jdbc.sql("""
                        with gone as (delete from collection_items where collection_id = ? returning post_id)
                        select distinct g.post_id from gone g
                        where g.post_id is not null and not exists (
                            select 1 from collection_items o where o.post_id = g.post_id and o.owner_id = ?
                                and o.collection_id <> ?)""")
                .params(collectionId, ownerId, collectionId)
                .query(Long.class)
                .list();
        jdbc.sql("delete from collections where id = ?").param(collectionId).update();
        saveCounts.remove(posts);
    }

    /**
     * A page of a collection, newest saves first, for {@code viewerId} (null: a visitor). A private collection, or
     * one whose owner is suspended, does not exist for anyone but its owner. Hidden posts and posts of suspended
     * authors are left out. One statement: the collection with its owner, and its page of items.
     */
    @Transactional(readOnly = true)
    public CollectionPage page(long collectionId, Long viewerId, Cursor after, int size) {
        if (size < 1 || size > 100) {
            throw new IllegalArgumentException("page size " + size);
        }
        List<CollectionItem> items = new ArrayList<>();
        List<CollectionView> found = jdbc.sql("""
                        select c.id, c.owner_id, a.handle, a.display_name, c.name, c.is_default, c.public,
                               c.item_count, c.updated_at, i.item_id, i.post_id, i.product_id, i.added_at
                        from collections c join account_names a on a.id = c.owner_id
                        left join lateral (
                            select ci.id as item_id, ci.post_id, ci.product_id, ci.added_at
                            from collection_items ci
                            left join post_facts pf on pf.id = ci.post_id
                            left join account_names pa on pa.id = pf.author_id
                            where ci.collection_id = c.id
                              and (ci.post_id is null or (pf.hidden_at is null and pa.suspended_at is null))
                              and (ci.added_at, ci.id) < (:afterAt, :afterId)
                            order by ci.added_at desc, ci.id desc limit :limit) i on true
                        where c.id = :id and (c.owner_id = :viewer or (c.public and a.suspended_at is null))
                        order by i.added_at desc, i.item_id desc""")
                .param("id", collectionId)
                .param("viewer", viewerId == null ? -1L : viewerId)
                .param("afterAt", Timestamp.from(after == null ? END_OF_TIME : after.createdAt()))
                .param("afterId", after == null ? Long.MAX_VALUE : after.id())
                .param("limit", size + 1)
                .query((rs, n) -> {
                    long item = rs.getLong("item_id");
                    if (!rs.wasNull()) {
                        items.add(new CollectionItem(
                                item,
                                (Long) rs.getObject("post_id"),
                                (Long) rs.getObject("product_id"),
                                rs.getTimestamp("added_at").toInstant()));
                    }
                    return view(rs, n);
                })
                .list();
        if (found.isEmpty()) {
            throw new NotFoundException("collection " + collectionId);
        }
        boolean more = items.size() > size;
        List<CollectionItem> shown = more ? List.copyOf(items.subList(0, size)) : List.copyOf(items);
        Cursor next = more
                ? new Cursor(shown.get(size - 1).addedAt(), shown.get(size - 1).id())
                : null;
        return new CollectionPage(found.get(0), shown, next);
    }

    /** Whether the account saved the product (in any collection), for its page's Save button. */
    @Transactional(readOnly = true)
    public boolean savedProduct(long ownerId, long productId) {
        return savedAnywhere(ownerId, SaveTarget.product(productId));
    }

    private SaveState state(long ownerId, SaveTarget target) {
        boolean saved = savedAnywhere(ownerId, target);
        int count = target.isPost() ? saveCounts.count(target.postId()) : 0;
        return new SaveState(target.isPost() ? target.postId() : target.productId(), saved, count);
    }

    private boolean savedAnywhere(long ownerId, SaveTarget target) {
        long id = target.isPost() ? target.postId() : target.productId();
        String sql = target.isPost()
                ? "select exists (select 1 from collection_items where post_id = ? and owner_id = ?)"
                : "select exists (select 1 from collection_items where product_id = ? and owner_id = ?)";
        return jdbc.sql(sql).params(id, ownerId).query(Boolean.class).single();
    }

    private boolean contains(long collectionId, SaveTarget target) {
        return jdbc.sql("""
                        select exists (select 1 from collection_items where collection_id = :collection
                                       and post_id is not distinct from :post
                                       and product_id is not distinct from :product)""")
                .param("collection", collectionId)
                .param("post", target.postId(), Types.BIGINT)
                .param("product", target.productId(), Types.BIGINT)
                .query(Boolean.class)
                .single();
    }

    private void moved(long collectionId, int delta) {
        jdbc.sql("update collections set item_count = greatest(item_count + ?, 0), updated_at = ? where id = ?")
                .params(delta, Timestamp.from(clock.instant()), collectionId)
                .update();
    }

    /** The owner's "Saved", made now if it is their first save. */
    private long defaultCollection(long ownerId) {
        Optional<Long> existing = jdbc.sql("select id from collections where owner_id = ? and is_default")
                .param(ownerId)
                .query(Long.class)
                .optional();
        return existing.orElseGet(() -> insert(ownerId, DEFAULT_NAME, true, false));
    }

    private long insert(long ownerId, String name, boolean byDefault, boolean shared) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into collections (owner_id, name, is_default, public, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(ownerId, name, byDefault, shared, now, now)
                .query(Long.class)
                .single();
    }

    /** The collection, if the account owns it; anyone else's is not found. */
    private long owned(long ownerId, long collectionId) {
        return jdbc.sql("select id from collections where id = ? and owner_id = ?")
                .params(collectionId, ownerId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("collection " + collectionId));
    }

    private boolean byDefault(long ownerId, long collectionId) {
        return jdbc.sql("select is_default from collections where id = ? and owner_id = ?")
                .params(collectionId, ownerId)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("collection " + collectionId));
    }

    private void requireFreeName(long ownerId, String name, Long except) {
        boolean taken = jdbc.sql("""
                        select exists (select 1 from collections where owner_id = ? and lower(name) = lower(?)
                                       and id <> ?)""")
                .params(ownerId, name, except == null ? -1L : except)
                .query(Boolean.class)
                .single();
        if (taken || name.equalsIgnoreCase(DEFAULT_NAME)) {
            throw new UserFacingException("collections.nameTaken");
        }
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()
                || stripped.length() > MAX_NAME
                || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new UserFacingException("collections.name.invalid", MAX_NAME);
        }
        return stripped;
    }

    /** Every write of one account, one at a time (the bounds and the save counts stay true). */
    private void lock(long ownerId) {
        jdbc.sql("select pg_advisory_xact_lock(44, cast(? as integer))")
                .param(Long.hashCode(ownerId))
                .query()
                .listOfRows();
    }

    private static CollectionView view(ResultSet rs, int n) throws SQLException {
        return new CollectionView(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getString("handle"),
                rs.getString("display_name"),
                rs.getString("name"),
                rs.getBoolean("is_default"),
                rs.getBoolean("public"),
                rs.getInt("item_count"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
