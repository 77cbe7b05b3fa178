package io.sparkfeed.posts;

/**
 * Whether the reader saved a post, for the Save button of a card. Implemented by the collections module; without it
 * nobody saved anything.
 */
public interface SavedPosts {

    /**
     * A boolean SQL expression for the post {@code p.id} and the reader {@code :viewer}, over the implementing
     * module's own tables: a constant of the implementing class, never built from input. {@link PostCards} puts it
     * in the select list of a page of cards, so that "saved by me" costs no statement of its own.
     */
    String savedByViewerSql();
}
