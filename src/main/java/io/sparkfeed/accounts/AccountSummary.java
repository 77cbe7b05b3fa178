package io.sparkfeed.accounts;

/** How an account shows next to its content: name, handle and badges. */
public record AccountSummary(
        long id,
        String handle,
        String displayName,
        AccountKind kind,
        boolean enthusiast,
        boolean prime,
        boolean suspended) {

    public boolean brand() {
        return kind == AccountKind.BRAND;
    }
}
