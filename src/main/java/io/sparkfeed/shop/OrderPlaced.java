package io.sparkfeed.shop;

import java.util.List;

/** An order was placed; {@code creditedPostIds} are the posts its lines were bought from (attribution). */
public record OrderPlaced(long orderId, long buyerId, List<Long> creditedPostIds) {}
