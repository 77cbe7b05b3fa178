package io.sparkfeed.support;

import io.sparkfeed.bench.Dataset;
import io.sparkfeed.bench.DatasetGenerator;
import io.sparkfeed.media.Images;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The plan tests' database: {@value #POSTS} posts of the benchmark's own generated dataset ({@link DatasetGenerator},
 * as the benchmark loads it at 10k and 1M), in a database of its own on the test server, migrated by Flyway, so that
 * no other test sees them. Generated once per JVM and kept until the server stops.
 *
 * @param heavyViewer {@code user1}, who also follows {@value #FOLLOWS} accounts and picked ten interests
 * @param typicalViewer {@code user2}, as generated: about ten follows and five interests
 * @param busyProduct the first product, asked a third of the {@value #QUESTIONS} questions (the others about 40 each)
 */
public record PlanDatabase(JdbcClient db, long heavyViewer, long typicalViewer, long firstPostId, long busyProduct) {

    public static final int POSTS = 50_000;
    public static final int FOLLOWS = 300;
    public static final String COMMON_TAG = Dataset.COMMON_TAG;
    public static final String RARE_TAG = Dataset.RARE_TAG;
    public static final String COMMON_WORD = Dataset.COMMON_WORD;
    public static final String RARE_WORD = Dataset.RARE_WORD;
    /** Product questions: a third on the busy product, the rest spread over the others; 0 to 3 answers each. */
    public static final int QUESTIONS = 30_000;
    /**
     * Orders placed and not paid: as many as the shop lets an account hold ({@code sparkfeed.shop.max-unpaid-orders},
     * 3) for every generated account, among four times as many paid ones, placed over the last 30 days, so that most
     * are past the 7 days they may wait.
     */
    public static final int UNPAID_ORDERS_PER_ACCOUNT = 3;

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private static PlanDatabase generated;

    /** The database, generated on first use; {@code images} stores the dataset's dozen photos. */
    public static synchronized PlanDatabase get(Images images) {
        if (generated == null) {
            TestDatabase.Connection server = TestDatabase.get();
            Matcher url = URL.matcher(server.url());
            if (!url.matches()) {
                throw new IllegalStateException("Unexpected test database URL " + server.url());
            }
            var admin = JdbcClient.create(
                    new DriverManagerDataSource(server.url(), server.ownerUsername(), server.ownerPassword()));
            // left over by a run that stopped half-way (the server outlives a JVM only with Testcontainers' reuse)
            admin.sql("drop database if exists sparkfeed_plans with (force)").update();
            admin.sql("create database sparkfeed_plans").update();
            var dataSource = new DriverManagerDataSource(
                    url.group(1) + "sparkfeed_plans" + url.group(3), server.ownerUsername(), server.ownerPassword());
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            Dataset dataset = new DatasetGenerator(dataSource, images).generate(POSTS);
            JdbcClient db = JdbcClient.create(dataSource);
            long heavy = dataset.firstAccountId();
            // the heavy viewer: hundreds of follows (the generated accounts follow about ten) and every other interest
            db.sql("""
                            insert into follows (follower_id, followed_id)
                            select :viewer, :viewer + g from generate_series(1, :follows) g
                            on conflict do nothing""").param("viewer", heavy).param("follows", FOLLOWS).update();
            db.sql("""
                            insert into account_interests (account_id, interest_id)
                            select :viewer, i from generate_series(1, 20, 2) i on conflict do nothing""").param("viewer", heavy).update();
            db.sql("analyze follows, account_interests").update();
            questions(db, dataset);
            unpaidOrders(db, dataset);
            generated = new PlanDatabase(db, heavy, heavy + 1, dataset.firstPostId(), dataset.firstProductId());
        }
        return generated;
    }

    /**
     * The last 30 days of orders besides the dataset's older delivered ones: one in five left unpaid (the release
     * job's backlog), the others paid and delivered. Inserted oldest first, so that ids grow with time as the shop's
     * do and the unpaid orders lie among the paid ones.
     */
    private static void unpaidOrders(JdbcClient db, Dataset dataset) {
        db.sql("""
                        insert into orders (account_id, status, total, currency, ship_name, ship_line1, ship_city,
                                            ship_postcode, ship_country, payment_method, payment_reference,
                                            idempotency_key, created_at, updated_at, paid_at)
                        select :account + (g / 5) % :accounts, case when g % 5 = 0 then 'PLACED' else 'DELIVERED' end,
                               12.50, 'USD', 'Plan Buyer', '1 Plan Street', 'Lyon', '69001', 'France', 'invoice',
                               'PLAN-' || g, 'plan-' || g, t, t, case when g % 5 <> 0 then t end
                        from generate_series(1, :orders) g,
                             lateral (select now() - make_interval(secs => 30 * 86400.0 * (:orders - g) / :orders)) x(t)
                        order by g""")
                .param("account", dataset.firstAccountId())
                .param("accounts", dataset.accounts())
                .param("orders", 5 * UNPAID_ORDERS_PER_ACCOUNT * dataset.accounts())
                .update();
        db.sql("analyze orders").update();
    }

    /**
     * Questions newest last, one in fifty hidden, with 0 to 3 answers each (one in a hundred has 60, more than a page
     * shows), asked and answered by generated accounts.
     */
    private static void questions(JdbcClient db, Dataset dataset) {
        db.sql("""
                        insert into product_questions (product_id, author_id, body, created_at, hidden_at, hidden_reason)
                        select case when g % 3 = 0 then :product else :product + g % :products end,
                               :account + (g * 7) % :accounts, 'Question ' || g || '?',
                               now() - make_interval(mins => :questions - g),
                               case when g % 50 = 0 then now() end, case when g % 50 = 0 then 'spam' end
                        from generate_series(1, :questions) g""")
                .param("product", dataset.firstProductId())
                .param("products", dataset.products())
                .param("account", dataset.firstAccountId())
                .param("accounts", dataset.accounts())
                .param("questions", QUESTIONS)
                .update();
        db.sql("""
                        insert into product_answers (question_id, author_id, body, badge, created_at, hidden_at)
                        select q.id, :account + (q.id * 13 + n) % :accounts, 'Answer ' || n,
                               case when n % 2 = 0 then 'BOUGHT' else 'POSTED' end,
                               q.created_at + make_interval(mins => n), case when (q.id + n) % 40 = 0 then now() end
                        from product_questions q
                        cross join lateral generate_series(1, case when q.id % 100 = 0 then 60
                                                                   else cast(q.id % 4 as int) end) n""")
                .param("account", dataset.firstAccountId())
                .param("accounts", dataset.accounts())
                .update();
        db.sql("analyze product_questions, product_answers").update();
    }
}
