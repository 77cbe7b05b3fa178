package io.sparkfeed.posts;

import io.sparkfeed.media.Images;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.PlanDatabase;
import io.sparkfeed.support.QueryPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every list of posts, planned on {@value PlanDatabase#POSTS} generated posts: from the newest and from a cursor
 * half-way down, for common and rare keys and for a viewer with hundreds of follows. No list reads a big table
 * sequentially, and each reads a bounded number of rows for a page, far fewer than the site has posts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPlanTests extends IntegrationTest {

    /** Tables that grow with the site: no list may scan them sequentially. */
    static final Set<String> BIG_TABLES = Set.of(
            "posts",
            "post_hashtags",
            "post_tags",
            "post_interests",
            "follows",
            "account_interests",
            "comments",
            "notifications",
            "memberships");

    /** Rows a page may read: its cards' own rows and those of the keys that find them, with room to spare. */
    static final long MAX_ROWS_READ = 2500;

    /** The lists' default page (FeedController.PAGE_SIZE): what a reader's first page and each "More" ask for. */
    private static final int PAGE = 12;

    @Autowired
    PostCards cards;

    @Autowired
    Images images;

    private PlanDatabase plans;
    private JdbcClient db;

    @BeforeAll
    void database() {
        plans = PlanDatabase.get(images);
        db = plans.db();
    }

    private long first(String sql) {
        return db.sql(sql).query(Long.class).single();
    }

    @Test
    void everyListStartsFromAnIndexAndReadsAboutAPage() {
        long viewer = plans.heavyViewer();
        long typicalViewer = plans.typicalViewer();
        long author = first("select author_id from posts group by author_id order by count(*) desc limit 1");
        long product = first("select product_id from post_tags group by product_id order by count(*) desc limit 1");
        Set<Long> bought = Set.copyOf(db.sql("""
                        select product_id from post_tags group by product_id order by count(*) desc limit 10""").query(Long.class).list());

        Map<String, PostFilter> lists = new LinkedHashMap<>();
        lists.put("public feed", PostFilter.all());
        lists.put("profile", new PostFilter.ByAuthor(author));
        lists.put("hashtag, common", new PostFilter.ByHashtag(PlanDatabase.COMMON_TAG));
        lists.put("hashtag, rare", new PostFilter.ByHashtag(PlanDatabase.RARE_TAG));
        lists.put("product", new PostFilter.ByProduct(product));
        lists.put("interest", new PostFilter.ByInterest(2));
        lists.put("following, " + PlanDatabase.FOLLOWS + " follows", new PostFilter.Following(viewer));
        lists.put("following, typical viewer", new PostFilter.Following(typicalViewer));
        lists.put("for you, " + PlanDatabase.FOLLOWS + " follows", new PostFilter.ForYou(viewer, true));
        lists.put("for you, typical viewer", new PostFilter.ForYou(typicalViewer, true));

        Cursor deep = db.sql("select created_at, id from posts where id = ?")
                .param(plans.firstPostId() + PlanDatabase.POSTS / 2)
                .query((rs, n) -> new Cursor(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
                .single();

        SoftAssertions soft = new SoftAssertions();
        for (var list : lists.entrySet()) {
            for (Cursor after : new Cursor[] {null, deep}) {
                String name = list.getKey() + (after == null ? ", first page" : ", half-way down");
                PostCards.Query query = cards.query(list.getValue(), after, PAGE, viewer, bought);
                QueryPlan plan = QueryPlan.of(db, query.sql(), query.params());
                soft.assertThat(plan.rowsReturned())
                        .as(name + ": the page has posts")
                        .isPositive();
                soft.assertThat(plan.sequentialScansOf(BIG_TABLES))
                        .as(name + ": sequential scans")
                        .isEmpty();
                if (list.getValue() instanceof PostFilter.Following || list.getValue() instanceof PostFilter.ForYou) {
                    // each followed account's posts: its index, newest first, stopping after a page
                    soft.assertThat(plan.bitmapScansOf(Set.of("posts")))
                            .as(name + ": posts read by bitmap\n" + plan)
                            .isEmpty();
                }
                soft.assertThat(plan.rowsRead())
                        .as(name + ": rows read\n" + plan)
                        .isLessThan(MAX_ROWS_READ);
            }
        }
        soft.assertAll();
    }
}
