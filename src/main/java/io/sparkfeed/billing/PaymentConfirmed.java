package io.sparkfeed.billing;

/**
 * A recorded payment went through: an admin marked its invoice paid, or a gateway confirmed it. Published inside
 * the transaction that records it, so what the payment bought (a Prime period, an order) is granted in the same
 * commit or not at all.
 */
public record PaymentConfirmed(String method, String reference, long accountId) {}
