package io.sparkfeed.catalog;

import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.media.StoredImage;
import io.sparkfeed.platform.NotFoundException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads products for pages and cards, and changes stock atomically for the shop. */
@Service
public class Catalog {

    // the first image is joined here, so a page of cards costs one statement
    private static final String CARD_COLUMNS = """
            p.id, p.title, p.brand, p.price, p.currency, p.stock, p.active, p.description, p.category,
            array(select pi.image_key from product_images pi where pi.product_id = p.id order by pi.position) as keys,
            fi.key as first_key, fi.width as first_width, fi.height as first_height, fi.widths as first_widths
            """;
    private static final String FROM = """
             from products p
             left join lateral (select i.key, i.width, i.height, i.widths from product_images pi
                                join image_sizes i on i.key = pi.image_key
                                where pi.product_id = p.id order by pi.position limit 1) fi on true
            """;

    private final ProductRepository products;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** How far back the product page's chart and "lowest price" look. */
    public static final Duration PRICE_WINDOW = Duration.ofDays(90);

    /** The most price changes a chart draws (the newest). */
    private static final int MAX_POINTS = 200;

    Catalog(
            ProductRepository products,
            JdbcClient jdbc,
            AuditLog audit,
            Clock clock,
            ApplicationEventPublisher events) {
        this.products = products;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    private record Row(
            long id,
            String title,
            String brand,
            BigDecimal price,
            String currency,
            int stock,
            boolean active,
            String description,
            String category,
            List<String> keys,
            StoredImage first) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        Array keys = rs.getArray("keys");
        List<String> list = keys == null ? List.of() : List.of((String[]) keys.getArray());
        String firstKey = rs.getString("first_key");
        StoredImage first = firstKey == null
                ? null
                : new StoredImage(
                        firstKey,
                        rs.getInt("first_width"),
                        rs.getInt("first_height"),
                        Arrays.stream((Object[]) rs.getArray("first_widths").getArray())
                                .map(o -> ((Number) o).intValue())
                                .toList());
        return new Row(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("brand"),
                rs.getBigDecimal("price"),
                rs.getString("currency"),
                rs.getInt("stock"),
                rs.getBoolean("active"),
                rs.getString("description"),
                rs.getString("category"),
                list,
                first);
    }

    /**
     * Every image of a product in order, for its page: parallel arrays, each derivative's widths as one text
     * ({@code 320,640,1080}), so that the page reads the product and its images in one statement.
     */
    private static final String IMAGES = """
            , imgs.keys as image_keys, imgs.widths as image_widths, imgs.heights as image_heights,
              imgs.derivatives as image_derivatives
            """;

    private static final String IMAGES_FROM = """
             left join lateral (select array_agg(i.key order by pi.position) as keys,
                                       array_agg(i.width order by pi.position) as widths,
                                       array_agg(i.height order by pi.position) as heights,
                                       array_agg(array_to_string(i.widths, ',') order by pi.position) as derivatives
                                from product_images pi join image_sizes i on i.key = pi.image_key
                                where pi.product_id = p.id) imgs on true
            """;

    /**
     * A product's prices over {@link #PRICE_WINDOW}, as parallel arrays, oldest first: the price it had when the
     * window opened and every change since (the newest {@value #MAX_POINTS}), written by the trigger of V161.
     */
    private static final String PRICES = """
            , ph.ats as price_ats, ph.prices as price_values
            """;

    private static final String PRICES_FROM = """
             left join lateral (select array_agg(h.changed_at order by h.changed_at, h.id) as ats,
                                       array_agg(h.price order by h.changed_at, h.id) as prices
                                from ((select changed_at, price, id from product_prices
                                       where product_id = p.id and changed_at < :from
                                       order by changed_at desc, id desc limit 1)
                                      union all
                                      (select changed_at, price, id from product_prices
                                       where product_id = p.id and changed_at >= :from and changed_at <= :to
                                       order by changed_at desc, id desc limit :maxPoints)) h) ph on true
            """;

    /** A product with its images; inactive products are still shown (as no longer available). One statement. */
    @Transactional(readOnly = true)
    public ProductView get(long id) {
        return read(id, null, null, null);
    }

    /** A product with its images and its prices of the last {@link #PRICE_WINDOW}, for its page. One statement. */
    @Transactional(readOnly = true)
    public ProductWithPrices withPrices(long id) {
        Instant to = clock.instant();
        Instant from = to.minus(PRICE_WINDOW);
        List<PriceHistory.Point> points = new ArrayList<>();
        ProductView product = read(id, points, from, to);
        BigDecimal lowest = points.stream()
                .map(PriceHistory.Point::price)
                .min(BigDecimal::compareTo)
                .orElse(null);
        return new ProductWithPrices(
                product, new PriceHistory(List.copyOf(points), lowest, product.currency(), from, to));
    }

    /** A product's page: the product, and its prices of the last {@link #PRICE_WINDOW}. */
    public record ProductWithPrices(ProductView product, PriceHistory prices) {}

    private ProductView read(long id, List<PriceHistory.Point> points, Instant from, Instant to) {
        List<StoredImage> shown = new ArrayList<>();
        boolean withPrices = points != null;
        var statement = jdbc.sql("select " + CARD_COLUMNS + IMAGES + (withPrices ? PRICES : "") + FROM + IMAGES_FROM
                        + (withPrices ? PRICES_FROM : "") + " where p.id = :id")
                .param("id", id);
        if (withPrices) {
            statement = statement
                    .param("from", Timestamp.from(from))
                    .param("to", Timestamp.from(to))
                    .param("maxPoints", MAX_POINTS);
        }
        Row row = statement
                .query((rs, n) -> {
                    Array keys = rs.getArray("image_keys");
                    if (keys != null) {
                        String[] key = (String[]) keys.getArray();
                        Object[] width = (Object[]) rs.getArray("image_widths").getArray();
                        Object[] height =
                                (Object[]) rs.getArray("image_heights").getArray();
                        String[] derivatives =
                                (String[]) rs.getArray("image_derivatives").getArray();
                        for (int i = 0; i < key.length; i++) {
                            shown.add(new StoredImage(
                                    key[i],
                                    ((Number) width[i]).intValue(),
                                    ((Number) height[i]).intValue(),
                                    Arrays.stream(derivatives[i].split(","))
                                            .map(Integer::valueOf)
                                            .toList()));
                        }
                    }
                    Array ats = withPrices ? rs.getArray("price_ats") : null;
                    if (ats != null) {
                        Object[] at = (Object[]) ats.getArray();
                        Object[] price = (Object[]) rs.getArray("price_values").getArray();
                        for (int i = 0; i < at.length; i++) {
                            points.add(new PriceHistory.Point(((Timestamp) at[i]).toInstant(), (BigDecimal) price[i]));
                        }
                    }
                    return row(rs, n);
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("product " + id));
        return new ProductView(
                row.id(),
                row.title(),
                row.brand(),
                row.price(),
                row.currency(),
                row.description(),
                row.category(),
                row.stock(),
                row.active(),
                List.copyOf(shown));
    }

    /** Cards of many products in two statements, whatever their number; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, ProductCard> cards(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = jdbc.sql("select " + CARD_COLUMNS + FROM + " where p.id = any(?)")
                .param(ids.stream().distinct().toArray(Long[]::new))
                .query(Catalog::row)
                .list();
        return toCards(rows);
    }

    /** Active products whose title or brand contains the text, for the tag picker; all of them for an empty text. */
    @Transactional(readOnly = true)
    public List<ProductCard> find(String text, int limit) {
        String q = text == null ? "" : text.strip().toLowerCase();
        List<Row> rows = jdbc.sql("select " + CARD_COLUMNS + FROM + """
                        where p.active and (? = '' or lower(p.title) like ? or lower(p.brand) like ?)
                        order by p.brand, p.title, p.id limit ?""")
                .params(q, "%" + escapeLike(q) + "%", "%" + escapeLike(q) + "%", limit)
                .query(Catalog::row)
                .list();
        return new ArrayList<>(toCards(rows).values());
    }

    /** Every product, active or not, for the admin's catalog page. */
    @Transactional(readOnly = true)
    public List<ProductCard> all() {
        return new ArrayList<>(toCards(jdbc.sql("select " + CARD_COLUMNS + FROM + " order by p.id desc")
                        .query(Catalog::row)
                        .list())
                .values());
    }

    @Transactional(readOnly = true)
    public Set<Long> existingActive(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select id from products where active and id = any(?)")
                .param(ids.stream().distinct().toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /** Takes stock for a purchase, in the caller's transaction; false when there is not enough (nothing changes). */
    @Transactional
    public boolean takeStock(long productId, int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity " + quantity);
        }
        return products.take(productId, quantity) == 1;
    }

    /** Returns stock of a cancelled purchase; a product that was sold out is back in stock. */
    @Transactional
    public void giveBackStock(long productId, int quantity) {
        jdbc.sql("update products set stock = stock + ? where id = ? returning stock, active")
                .params(quantity, productId)
                .query((rs, n) -> rs.getInt(1) == quantity && quantity > 0 && rs.getBoolean(2))
                .optional()
                .filter(restocked -> restocked)
                .ifPresent(restocked -> events.publishEvent(new ProductBackInStock(UUID.randomUUID(), productId)));
    }

    /** The product's prices over the last {@link #PRICE_WINDOW} (see {@link #withPrices}). */
    @Transactional(readOnly = true)
    public PriceHistory priceHistory(long productId) {
        return withPrices(productId).prices();
    }

    /** Creates a product (admins, and the demo data with a null actor). */
    @Transactional
    public long create(Long actorId, ProductDraft draft) {
        long id = products.save(new Product(draft, clock.instant())).id();
        if (actorId != null) {
            audit.record(actorId, "PRODUCT_CREATED", "PRODUCT", id, null, draft.title());
        }
        return id;
    }

    /**
     * Changes a product (admins, and the demo data). A new price is written to the price history by the trigger
     * of V161, and a change of price or a sold-out product coming back in stock is published in this transaction
     * for the alerts of those who saved it.
     */
    @Transactional
    public void update(long actorId, long productId, ProductDraft draft, String reason) {
        record Before(BigDecimal price, int stock, boolean active) {}
        Before before = jdbc.sql("select price, stock, active from products where id = ? for update of products")
                .param(productId)
                .query((rs, n) -> new Before(rs.getBigDecimal(1), rs.getInt(2), rs.getBoolean(3)))
                .optional()
                .orElseThrow(() -> new NotFoundException("product " + productId));
        Product product = products.findById(productId).orElseThrow(() -> new NotFoundException("product " + productId));
        product.apply(draft, clock.instant());
        products.setStock(productId, draft.stock());
        if (before.price().compareTo(draft.price()) != 0) {
            events.publishEvent(new ProductPriceChanged(
                    UUID.randomUUID(), productId, before.price(), draft.price(), draft.currency()));
        }
        if (draft.active() && draft.stock() > 0 && (before.stock() == 0 || !before.active())) {
            events.publishEvent(new ProductBackInStock(UUID.randomUUID(), productId));
        }
        audit.record(
                actorId,
                "PRODUCT_UPDATED",
                "PRODUCT",
                productId,
                reason,
                draft.title() + ", stock " + draft.stock() + (draft.active() ? "" : ", inactive"));
    }

    private static Map<Long, ProductCard> toCards(List<Row> rows) {
        Map<Long, ProductCard> cards = new LinkedHashMap<>();
        for (Row r : rows) {
            cards.put(
                    r.id(),
                    new ProductCard(
                            r.id(), r.title(), r.brand(), r.price(), r.currency(), r.stock(), r.active(), r.first()));
        }
        return cards;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
