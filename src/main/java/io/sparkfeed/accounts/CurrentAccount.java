package io.sparkfeed.accounts;

import java.time.Instant;
import java.util.Map;

/**
 * Who is signed in, as every page shows it. {@code primePlan} and {@code primeEndsAt} are null for a non-member.
 * {@code sessionVersion} is compared with the session's (see {@link AccountPrincipal#sessionVersion()}).
 * {@code emailPending}: the account must verify its address before it posts, comments or follows (never true when
 * {@code sparkfeed.accounts.require-verified-email} is off).
 * {@code headerCounts} are the numbers other modules put in the header, by {@link HeaderCount#name()}.
 * {@code homeFeed}: the front page's tab the account chose last (For you or Latest).
 */
public record CurrentAccount(
        long id,
        String handle,
        String displayName,
        AccountKind kind,
        boolean admin,
        EnthusiastStatus enthusiastStatus,
        Plan primePlan,
        Instant primeEndsAt,
        int interestCount,
        boolean hidePurchased,
        int sessionVersion,
        boolean emailPending,
        Map<String, Long> headerCounts,
        HomeFeed homeFeed) {

    /** A number of the page header by its {@link HeaderCount#name()}; 0 when no module counts it. */
    public long count(String name) {
        return headerCounts.getOrDefault(name, 0L);
    }

    /** Whether the personal feed is ready: the account picked its interests. */
    public boolean onboarded() {
        return interestCount >= Interests.MINIMUM;
    }

    public boolean prime() {
        return primePlan != null;
    }

    public boolean trial() {
        return primePlan == Plan.TRIAL;
    }

    public boolean enthusiast() {
        return enthusiastStatus == EnthusiastStatus.APPROVED;
    }

    public boolean brand() {
        return kind == AccountKind.BRAND;
    }
}
