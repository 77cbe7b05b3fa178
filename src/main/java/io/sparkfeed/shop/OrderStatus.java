package io.sparkfeed.shop;

/** Where an order is: placed (cancellable by the buyer), shipped, delivered, or cancelled (stock returned). */
public enum OrderStatus {
    PLACED, SHIPPED, DELIVERED, CANCELLED
}
