package io.sparkfeed.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.accounts.Plan;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The posting policy, rule by rule: each test breaks exactly one rule of an otherwise allowed account. */
class PostingRulesTest {

    private static final PostingProperties DEFAULTS =
            new PostingProperties(PostingMode.PRIME_MEMBERS, false, new BigDecimal("50.00"), 20);

    private static PostingFacts allowed() {
        return new PostingFacts(
                true, false, Plan.PAID, false, new BigDecimal("50.00"), EnthusiastStatus.NONE, 19, false);
    }

    private static String reason(PostingFacts facts, PostingProperties settings) {
        PostingDecision decision = PostingRules.decide(facts, settings);
        return decision.allowed() ? "allowed" : decision.reasonKey();
    }

    @Test
    void aPaidPrimePersonWhoSpentEnoughAndPostedLittleMayPost() {
        assertThat(reason(allowed(), DEFAULTS)).isEqualTo("allowed");
    }

    @Test
    void rule1AVisitorMustSignInAndASuspendedAccountCannotPost() {
        PostingFacts visitor =
                new PostingFacts(false, false, null, false, BigDecimal.ZERO, EnthusiastStatus.NONE, 0, false);
        assertThat(reason(visitor, DEFAULTS)).isEqualTo("posting.rule.signIn");
        assertThat(PostingRules.decide(visitor, DEFAULTS).actionUrl()).isEqualTo("/login");
        PostingFacts suspended = new PostingFacts(
                true, true, Plan.PAID, false, new BigDecimal("50"), EnthusiastStatus.APPROVED, 0, false);
        assertThat(reason(suspended, DEFAULTS)).isEqualTo("posting.rule.suspended");
    }

    @Test
    void rule1ASuspendedEnthusiastCannotPostInAnyModeAndAReinstatedOneCan() {
        PostingFacts enthusiastSuspended = new PostingFacts(
                true, false, Plan.PAID, false, new BigDecimal("50"), EnthusiastStatus.SUSPENDED, 0, false);
        assertThat(reason(enthusiastSuspended, DEFAULTS)).isEqualTo("posting.rule.enthusiastSuspended");
        var enthusiastsOnly = new PostingProperties(PostingMode.ENTHUSIASTS_ONLY, false, new BigDecimal("50.00"), 20);
        assertThat(reason(enthusiastSuspended, enthusiastsOnly)).isEqualTo("posting.rule.enthusiastSuspended");
        PostingFacts revoked = new PostingFacts(
                true, false, Plan.PAID, false, new BigDecimal("50"), EnthusiastStatus.REVOKED, 0, false);
        assertThat(reason(revoked, DEFAULTS)).isEqualTo("allowed");
        // in enthusiasts-only mode a revoked enthusiast is not sent to apply again (that is refused for good)
        assertThat(reason(revoked, enthusiastsOnly)).isEqualTo("posting.rule.enthusiastRevoked");
        assertThat(PostingRules.decide(revoked, enthusiastsOnly).actionUrl()).isNull();
        PostingFacts revokedWithoutPrime =
                new PostingFacts(true, false, null, false, BigDecimal.ZERO, EnthusiastStatus.REVOKED, 0, false);
        assertThat(reason(revokedWithoutPrime, enthusiastsOnly)).isEqualTo("posting.rule.enthusiastRevoked");
    }

    @Test
    void rule2PrimeIsNeededAndATrialOnlyCountsWhenAllowed() {
        PostingFacts none =
                new PostingFacts(true, false, null, false, new BigDecimal("50"), EnthusiastStatus.NONE, 0, false);
        assertThat(reason(none, DEFAULTS)).isEqualTo("posting.rule.prime");
        assertThat(PostingRules.decide(none, DEFAULTS).actionUrl()).isEqualTo("/prime");
        PostingFacts trial =
                new PostingFacts(true, false, Plan.TRIAL, false, new BigDecimal("50"), EnthusiastStatus.NONE, 0, false);
        assertThat(reason(trial, DEFAULTS)).isEqualTo("posting.rule.trial");
        var trialsAllowed = new PostingProperties(PostingMode.PRIME_MEMBERS, true, new BigDecimal("50.00"), 20);
        assertThat(reason(trial, trialsAllowed)).isEqualTo("allowed");
    }

    @Test
    void rule3ABrandNeverPosts() {
        PostingFacts brand = new PostingFacts(
                true, false, Plan.PAID, true, new BigDecimal("5000"), EnthusiastStatus.APPROVED, 0, false);
        assertThat(reason(brand, DEFAULTS)).isEqualTo("posting.rule.brand");
        // a brand without Prime is told the rule that really stops it, not sent to buy Prime for nothing
        PostingFacts brandWithoutPrime =
                new PostingFacts(true, false, null, true, BigDecimal.ZERO, EnthusiastStatus.NONE, 0, false);
        assertThat(reason(brandWithoutPrime, DEFAULTS)).isEqualTo("posting.rule.brand");
        assertThat(PostingRules.decide(brandWithoutPrime, DEFAULTS).actionUrl()).isNull();
    }

    @Test
    void rule4LifetimeSpendMustReachTheMinimumExactly() {
        PostingFacts justUnder = new PostingFacts(
                true, false, Plan.PAID, false, new BigDecimal("49.99"), EnthusiastStatus.NONE, 0, false);
        PostingDecision decision = PostingRules.decide(justUnder, DEFAULTS);
        assertThat(decision.reasonKey()).isEqualTo("posting.rule.minimumSpend");
        assertThat(decision.reasonArguments()).containsExactly(new BigDecimal("50.00"), new BigDecimal("49.99"));
        PostingFacts exactly = new PostingFacts(
                true, false, Plan.PAID, false, new BigDecimal("50.00"), EnthusiastStatus.NONE, 0, false);
        assertThat(reason(exactly, DEFAULTS)).isEqualTo("allowed");
        var free = new PostingProperties(PostingMode.PRIME_MEMBERS, false, BigDecimal.ZERO, 20);
        assertThat(reason(
                        new PostingFacts(
                                true, false, Plan.PAID, false, BigDecimal.ZERO, EnthusiastStatus.NONE, 0, false),
                        free))
                .isEqualTo("allowed");
    }

    @Test
    void rule5EnthusiastsOnlyModeNeedsAnApprovedEnthusiast() {
        var enthusiastsOnly = new PostingProperties(PostingMode.ENTHUSIASTS_ONLY, false, new BigDecimal("50.00"), 20);
        assertThat(reason(allowed(), enthusiastsOnly)).isEqualTo("posting.rule.enthusiastsOnly");
        PostingFacts enthusiast = new PostingFacts(
                true, false, Plan.PAID, false, new BigDecimal("50"), EnthusiastStatus.APPROVED, 0, false);
        assertThat(reason(enthusiast, enthusiastsOnly)).isEqualTo("allowed");
    }

    @Test
    void rule6AtMostTheDailyNumberOfPostsIn24Hours() {
        PostingFacts atLimit =
                new PostingFacts(true, false, Plan.PAID, false, new BigDecimal("50"), EnthusiastStatus.NONE, 20, false);
        PostingDecision decision = PostingRules.decide(atLimit, DEFAULTS);
        assertThat(decision.reasonKey()).isEqualTo("posting.rule.dailyLimit");
        assertThat(decision.reasonArguments()).containsExactly(20);
    }
}
