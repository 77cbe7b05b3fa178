package io.sparkfeed.collections;

import java.time.Instant;

/** A saved post or product (exactly one of the two ids is set). */
public record CollectionItem(long id, Long postId, Long productId, Instant addedAt) {}
