package io.sparkfeed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.posts.PostingPolicy;
import io.sparkfeed.posts.SpendingLedger;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's people under the production minimum spend (50.00): its authors have bought enough to post, Sam and
 * Tom have not. The same settings as the shop's minimum-spend tests, so both share one Spring context.
 */
@TestPropertySource(properties = "sparkfeed.posting.minimum-spend=50.00")
class DemoMinimumSpendTests extends IntegrationTest {

    @Autowired
    PostingPolicy policy;

    @Autowired
    SpendingLedger ledger;

    @Test
    void theDemoAuthorsMayPostAndSamAndTomMayNot() {
        for (String author : List.of("maya", "leo", "priya", "admin")) {
            long id = jdbc.sql("select id from accounts where handle = ?")
                    .param(author)
                    .query(Long.class)
                    .single();
            assertThat(ledger.lifetimeSpend(id)).as(author).isGreaterThanOrEqualTo(new BigDecimal("50.00"));
        }
        long sam = jdbc.sql("select id from accounts where handle = 'sam'")
                .query(Long.class)
                .single();
        long tom = jdbc.sql("select id from accounts where handle = 'tom'")
                .query(Long.class)
                .single();
        assertThat(ledger.lifetimeSpend(sam)).isLessThan(new BigDecimal("50.00"));
        assertThat(policy.check(sam).allowed()).isFalse();
        assertThat(policy.check(tom).reasonKey()).isEqualTo("posting.rule.trial");
    }
}
