package io.sparkfeed.accounts;

import io.sparkfeed.billing.PaymentReceipt;

/** A paid period and how it was paid. */
public record PaidMembership(PrimeStatus status, PaymentReceipt receipt) {
}
