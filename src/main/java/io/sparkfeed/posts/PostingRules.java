package io.sparkfeed.posts;

/** The six posting rules, in order, as a pure function of the facts and the instance's settings. */
final class PostingRules {

    private PostingRules() {
    }

    static PostingDecision decide(PostingFacts facts, PostingProperties settings) {
        if (!facts.signedIn()) {
            return PostingDecision.refuse("posting.rule.signIn", "posting.action.signIn", "/login");
        }
        if (facts.suspended()) {
            return PostingDecision.refuse("posting.rule.suspended", null, null);
        }
        if (facts.primePlan() == null) {
            return PostingDecision.refuse("posting.rule.prime", "posting.action.prime", "/prime");
        }
        if (facts.primePlan() == io.sparkfeed.accounts.Plan.TRIAL && !settings.allowTrial()) {
            return PostingDecision.refuse("posting.rule.trial", "posting.action.paid", "/prime");
        }
        if (facts.brand()) {
            return PostingDecision.refuse("posting.rule.brand", null, null);
        }
        if (facts.lifetimeSpend().compareTo(settings.minimumSpend()) < 0) {
            return PostingDecision.refuse("posting.rule.minimumSpend", "posting.action.shop", "/",
                    settings.minimumSpend().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                    facts.lifetimeSpend().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        }
        if (settings.mode() == PostingMode.ENTHUSIASTS_ONLY && !facts.enthusiast()) {
            return PostingDecision.refuse("posting.rule.enthusiastsOnly", "posting.action.enthusiast",
                    "/enthusiasts/apply");
        }
        if (facts.postsInLast24Hours() >= settings.maxPostsPerDay()) {
            return PostingDecision.refuse("posting.rule.dailyLimit", null, null, settings.maxPostsPerDay());
        }
        return PostingDecision.allow();
    }
}
