package io.sparkfeed.shop;

/** An order was not paid in time: it expired and its stock went back. Its buyer is told. */
public record OrderExpired(long orderId, long buyerId) {}
