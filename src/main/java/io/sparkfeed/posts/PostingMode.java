package io.sparkfeed.posts;

/** Who may post on this instance, beyond the other rules. */
public enum PostingMode {
    PRIME_MEMBERS,
    ENTHUSIASTS_ONLY
}
