package io.sparkfeed.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkfeed.media.Images;
import io.sparkfeed.posts.Hashtags;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.ScratchDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The generated benchmark dataset, at 2,000 posts in a database of its own: its sizes, its shape, its consistency. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetGeneratorTests extends IntegrationTest {

    private static final int POSTS = 2000;

    @Autowired
    Images images;

    @Autowired
    PasswordEncoder passwordEncoder;

    private ScratchDatabase database;
    private JdbcClient db;
    private Dataset dataset;

    @BeforeAll
    void generate() {
        database = ScratchDatabase.create("bench_dataset");
        db = database.jdbc();
        dataset = new DatasetGenerator(database.dataSource(), images).generate(POSTS);
    }

    @AfterAll
    void drop() {
        database.close();
    }

    private long count(String sql) {
        return db.sql(sql).query(Long.class).single();
    }

    @Test
    void hasTheSizesAsked() {
        assertThat(dataset.posts()).isEqualTo(POSTS);
        assertThat(count("select count(*) from posts")).isEqualTo(POSTS);
        assertThat(count("select count(*) from accounts"))
                .isEqualTo(Dataset.accountsFor(POSTS))
                .isEqualTo(200);
        assertThat(count("select count(*) from products")).isEqualTo(Dataset.productsFor(POSTS));
        assertThat(count("select count(*) from account_interests")).isEqualTo(5L * dataset.accounts());
        assertThat(count("select count(*) from follows")).isBetween(4L * dataset.accounts(), 10L * dataset.accounts());
        assertThat(count("select count(*) from orders")).isEqualTo(dataset.accounts());
        assertThat(count("select count(*) from smiles")).isBetween(POSTS / 3L, 2L * POSTS);
        assertThat(count("select count(*) from comments")).isBetween(POSTS / 10L, POSTS / 2L);
        assertThat(count("select count(*) from notifications")).isGreaterThan(count("select count(*) from follows"));
        assertThat(count("select count(*) from product_questions")).isBetween(POSTS / 25L, POSTS / 20L);
        assertThat(count("select count(*) from product_answers"))
                .isBetween(
                        count("select count(*) from product_questions") / 2,
                        count("select count(*) from product_questions"));
        // every answer is by someone who posted the product, as the app would allow
        assertThat(count("""
                select count(*) from product_answers a join product_questions q on q.id = a.question_id
                where not exists (select 1 from post_tags t join posts p on p.id = t.post_id
                                  where t.product_id = q.product_id and p.author_id = a.author_id)""")).isZero();
        assertThat(dataset.lastPostId() - dataset.firstPostId() + 1).isEqualTo(POSTS);
    }

    @Test
    void everyPostTagsOneToThreeProductsAndHasOneToThreeInterests() {
        assertThat(count("""
                select count(*) from posts p
                where not exists (select 1 from post_tags t where t.post_id = p.id)""")).isZero();
        assertThat(count("select max(c) from (select count(*) c from post_tags group by post_id) t"))
                .isEqualTo(3);
        assertThat(count("""
                select count(*) from posts p
                where (select count(*) from post_interests i where i.post_id = p.id) not between 1 and 3""")).isZero();
    }

    @Test
    void hashtagsHaveALongTailWithACommonAndARareOne() {
        assertThat(count("select count(*) from post_hashtags where tag = 'raretag'"))
                .isEqualTo(10);
        assertThat(count("select count(*) from post_hashtags where tag = 'cozy'"))
                .isBetween(POSTS / 12L, POSTS / 4L);
        assertThat(count("select count(distinct tag) from post_hashtags")).isGreaterThan(300);
        assertThat(count("select count(*) from (select tag from post_hashtags group by tag having count(*) = 1) t"))
                .isGreaterThan(100);
    }

    @Test
    void hashtagRowsAreTheCaptionsHashtags() {
        Map<Long, Set<String>> rows = db
                .sql("select post_id, tag from post_hashtags")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(TreeSet::new))));
        List<Map.Entry<Long, String>> captions = db.sql("select id, caption from posts")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list();
        assertThat(captions)
                .hasSize(POSTS)
                .allSatisfy(post ->
                        assertThat(rows.get(post.getKey())).isEqualTo(new TreeSet<>(Hashtags.in(post.getValue()))));
    }

    @Test
    void linkRowsCarryTheirPostsDateAndHiddenState() {
        for (String links : List.of("post_tags", "post_hashtags", "post_interests")) {
            assertThat(count("select count(*) from " + links + " l join posts p on p.id = l.post_id"
                            + " where l.created_at <> p.created_at or l.hidden <> (p.hidden_at is not null)"))
                    .isZero();
        }
        assertThat(count("select count(*) from posts where hidden_at is not null"))
                .isPositive();
    }

    @Test
    void countersMatchTheirRows() {
        assertThat(count("""
                select count(*) from posts p
                where p.smile_count <> (select count(*) from smiles s where s.post_id = p.id)
                   or p.comment_count <> (select count(*) from comments c where c.post_id = p.id)""")).isZero();
    }

    @Test
    void searchFindsTheRareAndTheCommonWordAsTheTriggersWouldHaveIndexedThem() {
        assertThat(count("""
                select count(*) from posts
                where search @@ plainto_tsquery('sparkfeed_english', 'quokka')""")).isEqualTo(10);
        long lamps = count("select count(*) from posts where search @@ plainto_tsquery('sparkfeed_english', 'lamp')");
        assertThat(lamps).isBetween(POSTS / 20L, POSTS / 4L);

        List<Long> sample = db.sql("select id from posts order by id limit 50")
                .query(Long.class)
                .list();
        String lexemes = "select id, array(select unnest(tsvector_to_array(search)) order by 1)::text from posts"
                + " where id = any (?) order by id";
        Long[] ids = sample.toArray(Long[]::new);
        List<String> generated =
                db.sql(lexemes).param(ids).query((rs, n) -> rs.getString(2)).list();
        db.sql("select posts_search_refresh(id) from posts where id = any (?)")
                .param(ids)
                .query()
                .listOfRows();
        assertThat(db.sql(lexemes).param(ids).query((rs, n) -> rs.getString(2)).list())
                .isEqualTo(generated);
    }

    @Test
    void theSearchTriggersAreOnAgain() {
        assertThat(db.sql("""
                        select tgname from pg_trigger
                        where tgname in ('posts_search_post', 'posts_search_tags', 'posts_search_hashtags')
                          and tgenabled = 'O'""").query(String.class).list())
                .containsExactlyInAnyOrder("posts_search_post", "posts_search_tags", "posts_search_hashtags");
    }

    @Test
    void everyAccountSignsInWithTheSharedPasswordAndMayPost() {
        String hash = db.sql("select password_hash from accounts where handle = 'user1'")
                .query(String.class)
                .single();
        assertThat(passwordEncoder.matches(Dataset.PASSWORD, hash)).isTrue();
        assertThat(count("select count(distinct password_hash) from accounts")).isOne();
        assertThat(count("""
                select count(*) from accounts a
                where not exists (select 1 from memberships m where m.account_id = a.id and m.plan = 'PAID'
                                  and m.starts_at <= now() and m.ends_at > now())""")).isZero();
        BigDecimal leastSpent = db.sql("select min(total) from orders where status <> 'CANCELLED'")
                .query(BigDecimal.class)
                .single();
        assertThat(leastSpent).isGreaterThanOrEqualTo(new BigDecimal("60.00"));
    }

    @Test
    void newRowsGetIdsAfterTheGeneratedOnes() {
        assertThat(count("select nextval('posts_id_seq')")).isGreaterThan(dataset.lastPostId());
        assertThat(count("select nextval('accounts_id_seq')")).isGreaterThan(dataset.lastAccountId());
    }

    @Test
    void aSecondRunIsRefusedAndAddsNothing() {
        DatasetGenerator again = new DatasetGenerator(database.dataSource(), images);
        assertThatThrownBy(() -> again.generate(POSTS)).isInstanceOf(IllegalStateException.class);
        assertThat(count("select count(*) from posts")).isEqualTo(POSTS);
        assertThatThrownBy(() -> again.generate(DatasetGenerator.MAX_POSTS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
