package io.sparkfeed.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.media.Images;
import io.sparkfeed.shop.UnpaidOrderRelease.Position;
import io.sparkfeed.shop.UnpaidOrderRelease.Statement;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.PlanDatabase;
import io.sparkfeed.support.QueryPlan;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The unpaid-order release's batches, planned on the plan database's delivered orders and a backlog of
 * {@value PlanDatabase#UNPAID_ORDERS_PER_ACCOUNT} unpaid orders for each of its accounts, most of them past their
 * time: the first batch and one half-way through the backlog each read their own entries of {@code orders_unpaid_idx}
 * in its order, and sort nothing.
 */
class UnpaidOrderReleasePlanTests extends IntegrationTest {

    @Autowired
    Images images;

    @Autowired
    ShopProperties settings;

    @Test
    void eachBatchReadsItsOwnEntriesOfTheUnpaidIndexAndSortsNothing() {
        JdbcClient db = PlanDatabase.get(images).db();
        Instant cutoff = Instant.now().minus(settings.unpaidOrderTtl());
        List<Position> backlog = db.sql("""
                        select created_at, id from orders
                        where status = 'PLACED' and paid_at is null and created_at < ?
                        order by created_at, id""")
                .param(Timestamp.from(cutoff))
                .query((rs, n) -> new Position(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
                .list();
        assertThat(backlog).as("orders past their time").hasSizeGreaterThan(50 * UnpaidOrderRelease.BATCH);
        Position halfWay = backlog.get(backlog.size() / 2);

        SoftAssertions soft = new SoftAssertions();
        for (Position after : new Position[] {null, halfWay}) {
            String name = after == null ? "first batch" : "half-way";
            Statement batch = UnpaidOrderRelease.candidates(cutoff, after);
            QueryPlan plan = QueryPlan.of(db, batch.sql(), batch.params());
            soft.assertThat(plan.nodes())
                    .as(name + ": the plan\n" + plan)
                    .containsExactly("Limit", "Index Scan using orders_unpaid_idx on orders");
            soft.assertThat(plan.rowsReturned()).as(name + ": a full batch").isEqualTo(UnpaidOrderRelease.BATCH);
            soft.assertThat(plan.rowsRead()).as(name + ": rows read\n" + plan).isEqualTo(UnpaidOrderRelease.BATCH);
        }
        soft.assertAll();
    }
}
