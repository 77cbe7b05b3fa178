package io.sparkfeed.bench;

import io.sparkfeed.demo.DemoPictures;
import io.sparkfeed.demo.DemoPictures.Placed;
import io.sparkfeed.demo.DemoPictures.Shape;
import io.sparkfeed.media.Images;
import io.sparkfeed.media.StoredImage;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the benchmark dataset into a database: {@code generate(posts)} adds that many posts, a tenth as many
 * accounts ({@code user1}...{@code userN}, password {@link Dataset#PASSWORD}), their products, tags, hashtags,
 * interests, follows, smiles, comments, orders and notifications, in one transaction, with the set-based SQL of
 * {@code bench/dataset.sql}. About a dozen photos, drawn once and stored as real images, are shared by every post.
 * It writes to the database of the data source it is given, which must connect as the owner of the tables (it
 * switches their triggers off): {@link GenerateCommand} gives it the application's as Flyway reaches it, a test a
 * database of its own that Flyway has migrated (the photo files are the application's).
 */
public class DatasetGenerator {

    public static final int MIN_POSTS = 10;
    public static final int MAX_POSTS = 10_000_000;

    private static final Logger log = LoggerFactory.getLogger(DatasetGenerator.class);
    private static final String SCRIPT = "bench/dataset.sql";
    private static final int PHOTOS = 12;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Images images;

    public DatasetGenerator(DataSource dataSource, Images images) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.images = images;
    }

    /**
     * Adds a generated dataset of {@code posts} posts; the database must not have one already.
     *
     * @throws IllegalArgumentException when {@code posts} is outside {@value #MIN_POSTS}..{@value #MAX_POSTS}
     * @throws IllegalStateException when the database already has generated accounts
     */
    public Dataset generate(int posts) {
        if (posts < MIN_POSTS || posts > MAX_POSTS) {
            throw new IllegalArgumentException("posts must be between " + MIN_POSTS + " and " + MAX_POSTS);
        }
        List<StoredImage> photos = photos();
        String passwordHash =
                PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(Dataset.PASSWORD);
        long started = System.nanoTime();
        Dataset dataset = transaction.execute(status -> {
            if (jdbc.sql("select count(*) from accounts where lower(email) = 'user1@bench.sparkfeed.test'")
                            .query(Long.class)
                            .single()
                    > 0) {
                throw new IllegalStateException("This database already has a generated dataset");
            }
            for (StoredImage photo : photos) {
                jdbc.sql("""
                                insert into images (key, width, height, widths, content_type, bytes)
                                values (?, ?, ?, ?, 'image/jpeg', 0) on conflict (key) do nothing""")
                        .params(
                                photo.key(),
                                photo.width(),
                                photo.height(),
                                photo.widths().toArray(Integer[]::new))
                        .update();
            }
            Map<String, Object> params = new HashMap<>();
            params.put("posts", posts);
            params.put("accounts", Dataset.accountsFor(posts));
            params.put("products", Dataset.productsFor(posts));
            params.put("accountBase", maxId("accounts"));
            params.put("postBase", maxId("posts"));
            params.put("productBase", maxId("products"));
            params.put("orderBase", maxId("orders"));
            params.put("commentBase", maxId("comments"));
            params.put(
                    "photos",
                    String.join(",", photos.stream().map(StoredImage::key).toList()));
            params.put("passwordHash", passwordHash);
            params.put("rareTag", Dataset.RARE_TAG);
            params.put("rareWord", Dataset.RARE_WORD);
            for (Step step : steps()) {
                long t = System.nanoTime();
                if (step.sql().regionMatches(true, 0, "select", 0, 6)) {
                    jdbc.sql(step.sql()).params(params).query().listOfRows();
                } else {
                    jdbc.sql(step.sql()).params(params).update();
                }
                log.info("Generated {} in {} ms", step.name(), (System.nanoTime() - t) / 1_000_000);
            }
            long accountBase = (Long) params.get("accountBase");
            long postBase = (Long) params.get("postBase");
            long productBase = (Long) params.get("productBase");
            int accounts = Dataset.accountsFor(posts);
            int products = Dataset.productsFor(posts);
            return new Dataset(
                    posts,
                    accounts,
                    products,
                    accountBase + 1,
                    accountBase + accounts,
                    postBase + 1,
                    postBase + posts,
                    productBase + 1,
                    productBase + products);
        });
        long t = System.nanoTime();
        // fresh statistics, so that the planner sees the new sizes at once (autovacuum would take a while)
        jdbc.sql("vacuum analyze").update();
        log.info(
                "Vacuumed and analyzed in {} ms; generated {} posts in {} s",
                (System.nanoTime() - t) / 1_000_000,
                posts,
                (System.nanoTime() - started) / 1_000_000_000);
        return dataset;
    }

    private long maxId(String table) {
        return jdbc.sql("select coalesce(max(id), 0) from " + table)
                .query(Long.class)
                .single();
    }

    /** A dozen still lifes, each stored once as an image (the same drawing gives the same key every time). */
    private List<StoredImage> photos() {
        Shape[] shapes = Shape.values();
        Color[] walls = {new Color(0xf6efe6), new Color(0xe8eef1), new Color(0xf1ebf5), new Color(0xeef3ea)};
        Color[] colors = {
            new Color(0x4f7c82),
            new Color(0xc9a227),
            new Color(0x2f6f4f),
            new Color(0xb5485d),
            new Color(0xe4572e),
            new Color(0x3d5a80)
        };
        List<StoredImage> stored = new ArrayList<>();
        for (int i = 0; i < PHOTOS; i++) {
            List<Placed> objects = List.of(
                    new Placed(shapes[i % shapes.length], colors[i % colors.length], 0.3, 0.55, 1.05),
                    new Placed(shapes[(i + 5) % shapes.length], colors[(i + 3) % colors.length], 0.72, 0.62, 1.05));
            stored.add(
                    images.storeGenerated(DemoPictures.scene(objects, walls[i % walls.length], new Color(0x9c6b4e))));
        }
        return stored;
    }

    /** A statement of the script, named by the comment line above it. */
    record Step(String name, String sql) {}

    static List<Step> steps() {
        String script;
        try {
            script = new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + SCRIPT, e);
        }
        List<Step> steps = new ArrayList<>();
        for (String chunk : script.split(";\\s*\\n")) {
            String name = "";
            StringBuilder sql = new StringBuilder();
            for (String line : chunk.split("\\n")) {
                if (sql.isEmpty() && line.startsWith("--")) {
                    name = line.substring(2).strip();
                } else if (!sql.isEmpty() || !line.isBlank()) {
                    sql.append(line).append('\n');
                }
            }
            if (!sql.toString().isBlank()) {
                steps.add(new Step(name, sql.toString().strip()));
            }
        }
        return steps;
    }
}
