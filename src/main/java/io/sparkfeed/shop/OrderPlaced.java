package io.sparkfeed.shop;

import java.util.List;
import java.util.UUID;

/** An order was placed; {@code creditedPostIds} are the posts its lines were bought from (attribution). {@code eventId} names this occurrence: its listeners act on it once. */
public record OrderPlaced(UUID eventId, long orderId, long buyerId, List<Long> creditedPostIds) {}
