package io.sparkfeed.shop;

/**
 * One product to buy: a quantity, and the post whose hotspot led here (null when none). Prices are never part of
 * it: the shop takes them from the catalog.
 */
public record Purchase(long productId, int quantity, Long postId) {}
