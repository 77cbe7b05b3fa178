package io.sparkfeed.billing;

/** The state of a recorded payment. */
public enum PaymentStatus {
    OWED,
    PAID,
    VOID
}
