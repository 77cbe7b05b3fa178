package io.sparkfeed.billing;

/** What a gateway recorded: a reference the buyer can quote, and whether the money is owed or already paid. */
public record PaymentReceipt(String method, String reference, PaymentStatus status) {}
