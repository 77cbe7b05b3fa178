package io.sparkfeed.posts;

import java.util.List;

/**
 * Posts are being deleted (by their author, or with their author's account): published in the deleting transaction
 * just before the rows go, so that a module keeping a count of rows that point at them (a collection's items) takes
 * its rows out and moves its count in the same transaction. Listen with a plain {@code @EventListener}.
 */
public record PostsDeleted(List<Long> postIds) {}
