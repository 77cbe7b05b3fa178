package io.sparkfeed.shop;

import java.util.UUID;

/** An order was not paid in time: it expired and its stock went back. Its buyer is told. {@code eventId} names this occurrence: its listeners act on it once. */
public record OrderExpired(UUID eventId, long orderId, long buyerId) {}
