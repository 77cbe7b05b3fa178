package io.sparkfeed.collections;

import io.sparkfeed.accounts.PersonalData;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.posts.SaveCounts;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The collections module's part of a data export: one's collections ("Saved" and the named ones) with what was saved
 * in each (a post by its id, a product by its id and title), and one's price alert settings. The alerts one was sent
 * are notifications, in that module's part. Erasing deletes them all; each post one saved counts one saver fewer.
 */
@Component
class CollectionData implements PersonalData {

    record Item(Long postId, Long productId, String productTitle, Instant addedAt) {}

    record Collection(
            String name, boolean saved, boolean shared, Instant createdAt, Instant updatedAt, List<Item> items) {}

    private record SavedRow(long collectionId, Long postId, Long productId, Instant addedAt) {}

    record PriceAlerts(int thresholdPercent, boolean email, String language) {}

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final Catalog catalog;
    private final SaveCounts saveCounts;

    CollectionData(JdbcClient jdbc, Alerts alerts, Catalog catalog, SaveCounts saveCounts) {
        this.jdbc = jdbc;
        this.saveCounts = saveCounts;
        this.alerts = alerts;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "collections";
    }

    @Override
    public void export(long accountId, Sink out) throws IOException {
        Map<Long, Collection> collections = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, name, is_default, public, created_at, updated_at from collections
                        where owner_id = ? order by is_default desc, lower(name), id""")
                .param(accountId)
                .query((rs, n) -> collections.put(
                        rs.getLong(1),
                        new Collection(
                                rs.getString(2),
                                rs.getBoolean(3),
                                rs.getBoolean(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getTimestamp(6).toInstant(),
                                new ArrayList<>())))
                .list();
        List<SavedRow> rows = jdbc.sql("""
                        select collection_id, post_id, product_id, added_at from collection_items
                        where collection_id in (select id from collections where owner_id = ?)
                        order by collection_id, added_at, id""")
                .param(accountId)
                .query((rs, n) -> new SavedRow(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        (Long) rs.getObject(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        Map<Long, ProductCard> products = catalog.cards(
                rows.stream().map(SavedRow::productId).filter(Objects::nonNull).toList());
        for (SavedRow row : rows) {
            ProductCard product = row.productId() == null ? null : products.get(row.productId());
            Collection collection = collections.get(row.collectionId());
            if (collection != null) { // made between the two statements: the next export has it
                collection
                        .items()
                        .add(new Item(
                                row.postId(),
                                row.productId(),
                                product == null ? null : product.title(),
                                row.addedAt()));
            }
        }
        AlertSettings settings = alerts.settings(accountId);
        out.json(
                "collections",
                Map.of(
                        "collections",
                        List.copyOf(collections.values()),
                        "priceAlerts",
                        new PriceAlerts(settings.thresholdPercent(), settings.email(), settings.language())));
    }

    @Override
    public void erase(long accountId) {
        saveCounts.remove(jdbc.sql("""
                        select distinct post_id from collection_items
                        where collection_id in (select id from collections where owner_id = ?) and post_id is not null""").param(accountId).query(Long.class).list());
        jdbc.sql("delete from collection_items where collection_id in (select id from collections where owner_id = ?)")
                .param(accountId)
                .update();
        jdbc.sql("delete from collections where owner_id = ?").param(accountId).update();
        jdbc.sql("delete from alert_settings where account_id = ?")
                .param(accountId)
                .update();
    }
}
