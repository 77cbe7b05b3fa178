package io.sparkfeed.billing;

import java.math.BigDecimal;

/** What to charge whom, and what for (shown on the invoice). */
public record PaymentRequest(long accountId, BigDecimal amount, String currency, String description) {}
