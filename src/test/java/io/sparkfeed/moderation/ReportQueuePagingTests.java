package io.sparkfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The report queue is paged, oldest or newest first (issue 10, point 6): one account's flood of reports cannot
 * push a newer report out of sight.
 */
class ReportQueuePagingTests extends IntegrationTest {

    private Document page(String url, TestAccount admin) throws Exception {
        return page(get(url).with(admin.login()));
    }

    private static List<String> items(Document page) {
        return page.select("article.report-item").eachAttr("id");
    }

    /** Open reports by one reporter on made-up post ids (their author deleted them), the first at the given time. */
    private List<Long> reports(TestAccount reporter, int n, Instant from) {
        List<Long> ids = new ArrayList<>();
        long base = 9_000_000_000L + from.getEpochSecond() % 1_000_000 * 1000;
        for (int i = 0; i < n; i++) {
            jdbc.sql("""
                            insert into reports (reporter_id, target_type, target_id, reason, created_at)
                            values (?, 'POST', ?, 'SPAM', ?)""")
                    .params(reporter.id(), base + i, Timestamp.from(from.plus(i, ChronoUnit.MINUTES)))
                    .update();
            ids.add(base + i);
        }
        return ids;
    }

    @Test
    void theQueueIsPagedOldestOrNewestFirstAndEveryItemIsReachable() throws Exception {
        TestAccount admin = fixtures.admin();
        TestAccount flooder = fixtures.person();
        List<Long> old = reports(flooder, 60, Instant.parse("1999-01-01T00:00:00Z"));
        // a harassment report filed after the flood, by someone else
        List<Long> newest = reports(fixtures.person(), 1, Instant.parse("2999-01-01T00:00:00Z"));
        try {
            walk(admin, old, newest);
        } finally {
            // the flood stays out of other tests' queue
            jdbc.sql("delete from reports where target_type = 'POST' and target_id in (:ids)")
                    .param("ids", Stream.concat(old.stream(), newest.stream()).toList())
                    .update();
        }
    }

    private void walk(TestAccount admin, List<Long> old, List<Long> newest) throws Exception {

        Document oldestFirst = page("/admin/reports", admin);
        assertThat(items(oldestFirst)).hasSize(50).startsWith("queue-POST-" + old.get(0), "queue-POST-" + old.get(1));
        Document newestFirst = page("/admin/reports?order=newest", admin);
        assertThat(items(newestFirst).get(0)).isEqualTo("queue-POST-" + newest.get(0));

        // following Next from either end reaches every open item once
        long open = count("select count(distinct (target_type, target_id)) from reports where status = 'OPEN'");
        for (String start : List.of("/admin/reports", "/admin/reports?order=newest")) {
            var seen = new HashSet<String>();
            String url = start;
            int pages = 0;
            while (url != null && pages++ < 100) {
                Document page = page(url, admin);
                for (String id : items(page)) {
                    assertThat(seen.add(id)).as("shown once: " + id).isTrue();
                }
                var next = page.select("a:contains(Next page)");
                url = next.isEmpty() ? null : next.attr("href");
            }
            assertThat(seen).hasSize((int) open);
        }
    }
}
