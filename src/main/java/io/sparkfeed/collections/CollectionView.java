package io.sparkfeed.collections;

import java.time.Instant;

/** A collection as its page and the owner's list show it. "Saved" ({@code byDefault}) is named by the messages. */
public record CollectionView(
        long id,
        long ownerId,
        String ownerHandle,
        String ownerName,
        String name,
        boolean byDefault,
        boolean shared,
        int itemCount,
        Instant updatedAt) {}
