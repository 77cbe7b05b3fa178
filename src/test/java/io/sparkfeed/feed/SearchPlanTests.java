package io.sparkfeed.feed;

import io.sparkfeed.media.Images;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.PlanDatabase;
import io.sparkfeed.support.QueryPlan;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search planned on {@value PlanDatabase#POSTS} generated posts: a word in about one post in ten and a word in ten
 * posts, on the first page and the last one offered. No sequential scan of posts, and a bounded number of rows read
 * whatever the number of matches: only the newest {@link Search#CANDIDATES} matches are ranked.
 */
class SearchPlanTests extends IntegrationTest {

    @Autowired
    Images images;

    /** Walking the newest posts until enough match: at one post in ten, ten times the candidates, with room. */
    private static final long MAX_ROWS_READ = 15L * Search.CANDIDATES;

    @Test
    void searchRanksABoundedSetOfCandidatesForCommonAndRareWords() {
        PlanDatabase plans = PlanDatabase.get(images);
        SoftAssertions soft = new SoftAssertions();
        for (String word : new String[] {PlanDatabase.COMMON_WORD, PlanDatabase.RARE_WORD}) {
            for (int offset : new int[] {0, Search.CANDIDATES - 20}) {
                for (var kind : Map.of(
                                "posts",
                                Search.POST_IDS,
                                "products",
                                Search.PRODUCT_IDS,
                                "accounts",
                                Search.ACCOUNT_IDS)
                        .entrySet()) {
                    String name = kind.getKey() + " matching '" + word + "' from " + offset;
                    QueryPlan plan = QueryPlan.of(
                            plans.db(),
                            kind.getValue(),
                            Map.of("q", word, "candidates", Search.CANDIDATES, "offset", offset, "limit", 21));
                    soft.assertThat(plan.sequentialScansOf(Set.of("posts", "accounts")))
                            .as(name + ": sequential scans")
                            .isEmpty();
                    soft.assertThat(plan.rowsRead())
                            .as(name + ": rows read\n" + plan)
                            .isLessThan(MAX_ROWS_READ);
                }
            }
            QueryPlan first = QueryPlan.of(
                    plans.db(),
                    Search.POST_IDS,
                    Map.of("q", word, "candidates", Search.CANDIDATES, "offset", 0, "limit", 21));
            soft.assertThat(first.rowsReturned()).as("posts matching " + word).isPositive();
        }
        soft.assertAll();
    }
}
