package io.sparkfeed.accounts;

import java.time.Instant;

/**
 * Who is signed in, as every page shows it. {@code primePlan} and {@code primeEndsAt} are null for a non-member.
 * {@code sessionVersion} is compared with the session's (see {@link AccountPrincipal#sessionVersion()}).
 */
public record CurrentAccount(long id, String handle, String displayName, AccountKind kind, boolean admin,
        EnthusiastStatus enthusiastStatus, Plan primePlan, Instant primeEndsAt, long unreadNotifications,
        int interestCount, boolean hidePurchased, int cartItems, int sessionVersion) {

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
