package io.sparkfeed.shop;

/**
 * Where an order is: placed (cancellable by the buyer), shipped, delivered, cancelled (stock returned), or expired
 * (left unpaid too long; stock returned).
 */
public enum OrderStatus {
    PLACED,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    EXPIRED
}
