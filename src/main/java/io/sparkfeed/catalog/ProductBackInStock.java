package io.sparkfeed.catalog;

import java.util.UUID;

/** A sold-out product has stock again (published in the transaction that restocked it). */
public record ProductBackInStock(UUID eventId, long productId) {}
