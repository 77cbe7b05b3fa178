package io.sparkfeed.collections;

import io.sparkfeed.posts.Cursor;
import java.util.List;

/** A page of a collection, newest saves first, and where the next page starts (null: none). */
public record CollectionPage(CollectionView collection, List<CollectionItem> items, Cursor next) {}
