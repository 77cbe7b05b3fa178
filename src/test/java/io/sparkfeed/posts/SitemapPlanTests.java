package io.sparkfeed.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.media.Images;
import io.sparkfeed.platform.SitemapSection;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.PlanDatabase;
import io.sparkfeed.support.QueryPlan;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sitemap's statements, planned on {@value PlanDatabase#POSTS} generated posts: each starts from an index and
 * reads about as many rows as it writes, wherever the page lies (no OFFSET, no scan of a big table).
 */
class SitemapPlanTests extends IntegrationTest {

    @Autowired
    Images images;

    @Test
    void everySitemapStatementReadsAboutWhatItWrites() {
        PlanDatabase plans = PlanDatabase.get(images);
        var db = plans.db();
        long middle = plans.firstPostId() + PlanDatabase.POSTS / 2;
        int chunk = SitemapSection.CHUNK;
        Map<String, Map.Entry<String, Map<String, ?>>> statements = Map.of(
                "first post of a page", Map.entry(PostSitemap.FIRST, Map.of("from", middle)),
                "a chunk of posts half-way",
                        Map.entry(PostSitemap.CHUNK_SQL, Map.of("from", middle, "to", middle + 50_000, "limit", chunk)),
                "first profile of a page", Map.entry(ProfileSitemap.FIRST, Map.of("from", 0)),
                "a chunk of profiles",
                        Map.entry(ProfileSitemap.CHUNK_SQL, Map.of("from", 0, "to", 50_000, "limit", chunk)),
                "a chunk of hashtags", Map.entry(HashtagSitemap.AFTER, Map.of("after", "", "limit", chunk)));
        SoftAssertions soft = new SoftAssertions();
        statements.forEach((name, statement) -> {
            QueryPlan plan = QueryPlan.of(db, statement.getKey(), statement.getValue());
            soft.assertThat(plan.rowsReturned()).as(name + ": rows").isPositive();
            soft.assertThat(plan.sequentialScansOf(ListPlanTests.BIG_TABLES))
                    .as(name + ": sequential scans\n" + plan)
                    .isEmpty();
            // a chunk's own rows, and for each profile the one row of its newest post
            soft.assertThat(plan.rowsRead()).as(name + ": rows read\n" + plan).isLessThanOrEqualTo(2L * chunk + 10);
        });
        // the index's walk over hashtag names touches each distinct name once
        long names = db.sql("select count(distinct tag) from post_hashtags where not hidden")
                .query(Long.class)
                .single();
        QueryPlan walk = QueryPlan.of(db, HashtagSitemap.PAGES, Map.of("per", SitemapSection.MAX_URLS));
        soft.assertThat(walk.sequentialScansOf(ListPlanTests.BIG_TABLES))
                .as("walk: sequential scans")
                .isEmpty();
        soft.assertThat(walk.rowsRead()).as("walk: rows read\n" + walk).isLessThanOrEqualTo(2 * names + 10);
        soft.assertAll();
        assertThat(names).isPositive();
    }
}
