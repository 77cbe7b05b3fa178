package io.sparkfeed.shop;

/**
 * How to place an order: where to ship, how to pay, and the random key the confirmation form carried, so that a
 * replayed or double-clicked submit finds the first order instead of placing another.
 */
public record Checkout(ShippingAddress address, String paymentMethod, String idempotencyKey) {
}
