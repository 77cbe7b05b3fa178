package io.sparkfeed.billing;

/**
 * A way to pay. Each implementation is a Spring bean with a unique {@link #method()} name; {@link Payments} offers
 * every registered gateway to the buyer. A charge runs inside the caller's transaction, so a failed purchase
 * rolls back what the gateway wrote; a gateway that calls an external processor should throw
 * {@link PaymentDeclinedException} when the processor refuses.
 */
public interface PaymentGateway {

    /** A stable name stored with the payment, e.g. {@code invoice} or {@code card}. */
    String method();

    /** The message key of the name shown to the buyer. */
    String labelKey();

    /**
     * Records the charge. A receipt {@link PaymentStatus#PAID} grants what was bought at once (a card processor
     * that approved it); {@link PaymentStatus#OWED} leaves it pending (a paid Prime period does not start, an order
     * does not count towards the minimum spend and gives its stock back if still unpaid after a while) until the
     * payment is confirmed through {@link Payments#confirm} or, for invoices, an admin marks it paid.
     */
    PaymentReceipt charge(PaymentRequest request);

    /**
     * Cancels a recorded payment (the purchase was cancelled): void what is still owed, refund what was paid.
     * Runs in the caller's transaction.
     */
    void cancel(String reference);
}
