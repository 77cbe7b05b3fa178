package io.sparkfeed.billing;

/**
 * An admin voided an invoice nobody will pay: what it would have bought is called off (a pending Prime period is
 * dropped, an unpaid order gives its stock back). Published inside the transaction that voids it.
 */
public record PaymentVoided(String method, String reference, long accountId) {}
