package io.sparkfeed.accounts;

import io.sparkfeed.billing.PaymentReceipt;

/**
 * A paid period and how it was paid; {@code status} is null while the payment is owed (the period starts when it is
 * confirmed).
 */
public record PaidMembership(PrimeStatus status, PaymentReceipt receipt) {

    public boolean pending() {
        return status == null;
    }
}
