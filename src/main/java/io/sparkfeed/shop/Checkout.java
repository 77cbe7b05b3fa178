package io.sparkfeed.shop;

/**
 * How to place an order: where to ship, how to pay, the random key the confirmation form carried, so that a
 * replayed or double-clicked submit finds the first order instead of placing another, and the {@link Quote} of what
 * the buyer confirmed. A form always sends its quote (an empty one matches nothing); only code placing orders on
 * its own (the demo data) has none to hold to.
 */
public record Checkout(ShippingAddress address, String paymentMethod, String idempotencyKey, String quote) {

    /** An order placed by code, not confirmed by a person on a page: today's prices apply. */
    public Checkout(ShippingAddress address, String paymentMethod, String idempotencyKey) {
        this(address, paymentMethod, idempotencyKey, null);
    }
}
