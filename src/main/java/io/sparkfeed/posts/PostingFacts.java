package io.sparkfeed.posts;

import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.accounts.Plan;
import java.math.BigDecimal;

/** What the posting policy needs to know about an account, gathered in one place so the rules stay pure. */
record PostingFacts(
        boolean signedIn,
        boolean suspended,
        Plan primePlan,
        boolean brand,
        BigDecimal lifetimeSpend,
        EnthusiastStatus enthusiast,
        long postsInLast24Hours,
        boolean emailPending) {}
