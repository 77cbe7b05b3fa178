package io.sparkfeed.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** One invoice as the admin's list shows it, with the handle of the account that owes it. */
public record InvoiceView(
        long id,
        String reference,
        long accountId,
        String accountHandle,
        String description,
        BigDecimal amount,
        String currency,
        PaymentStatus status,
        Instant createdAt,
        Instant settledAt) {}
