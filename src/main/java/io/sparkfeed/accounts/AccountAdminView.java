package io.sparkfeed.accounts;

import java.time.Instant;

/** A row of the admin's member list. */
public record AccountAdminView(
        long id,
        String email,
        String handle,
        String displayName,
        AccountKind kind,
        boolean admin,
        EnthusiastStatus enthusiast,
        boolean prime,
        boolean suspended,
        boolean brandRequested,
        Instant createdAt) {}
