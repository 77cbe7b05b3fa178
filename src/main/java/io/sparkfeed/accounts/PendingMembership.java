package io.sparkfeed.accounts;

import java.time.Instant;

/** A paid Prime period bought through a payment not confirmed yet: it starts when the payment is confirmed. */
public record PendingMembership(String paymentMethod, String paymentReference, Instant orderedAt) {}
