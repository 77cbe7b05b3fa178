package io.sparkfeed.shop;

import java.math.BigDecimal;
import java.time.Instant;

/** A line of the buyer's list of orders. */
public record OrderSummary(
        long id, OrderStatus status, BigDecimal total, String currency, int items, Instant createdAt) {}
