package io.sparkfeed.posts;

import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.accounts.Plan;

/**
 * The six posting rules as a pure function of the facts and the instance's settings. The rules that nothing can
 * lift (suspension, brand) come first, so a refused account is never sent to do something that would not help.
 */
final class PostingRules {

    private PostingRules() {}

    static PostingDecision decide(PostingFacts facts, PostingProperties settings) {
        if (!facts.signedIn()) {
            return PostingDecision.refuse("posting.rule.signIn", "posting.action.signIn", "/login");
        }
        if (facts.suspended()) {
            return PostingDecision.refuse("posting.rule.suspended", null, null);
        }
        if (facts.enthusiast() == EnthusiastStatus.SUSPENDED) {
            // an admin suspended their enthusiast status: no posting in any mode until reinstated
            return PostingDecision.refuse("posting.rule.enthusiastSuspended", null, null);
        }
        if (settings.mode() == PostingMode.ENTHUSIASTS_ONLY && facts.enthusiast() == EnthusiastStatus.REVOKED) {
            // revoked for good, and a revoked enthusiast cannot apply again: nothing to send them to
            return PostingDecision.refuse("posting.rule.enthusiastRevoked", null, null);
        }
        if (facts.emailPending()) {
            return PostingDecision.refuse(
                    "posting.rule.verifyEmail", "posting.action.verifyEmail", "/me/settings#address");
        }
        // before Prime: nothing a brand does (joining Prime included) lets it post
        if (facts.brand()) {
            return PostingDecision.refuse("posting.rule.brand", null, null);
        }
        if (facts.primePlan() == null) {
            return PostingDecision.refuse("posting.rule.prime", "posting.action.prime", "/prime");
        }
        if (facts.primePlan() == Plan.TRIAL && !settings.allowTrial()) {
            return PostingDecision.refuse("posting.rule.trial", "posting.action.paid", "/prime");
        }
        if (facts.lifetimeSpend().compareTo(settings.minimumSpend()) < 0) {
            // numbers, not text: the message formats them for the reader's language (50.00, 50,00)
            return PostingDecision.refuse(
                    "posting.rule.minimumSpend",
                    "posting.action.shop",
                    "/",
                    settings.minimumSpend(),
                    facts.lifetimeSpend());
        }
        if (settings.mode() == PostingMode.ENTHUSIASTS_ONLY && facts.enthusiast() != EnthusiastStatus.APPROVED) {
            return PostingDecision.refuse(
                    "posting.rule.enthusiastsOnly", "posting.action.enthusiast", "/enthusiasts/apply");
        }
        if (facts.postsInLast24Hours() >= settings.maxPostsPerDay()) {
            return PostingDecision.refuse("posting.rule.dailyLimit", null, null, settings.maxPostsPerDay());
        }
        return PostingDecision.allow();
    }
}
