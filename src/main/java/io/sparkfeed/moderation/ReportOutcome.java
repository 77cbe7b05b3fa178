package io.sparkfeed.moderation;

/** How an admin handled the open reports of an item. */
public enum ReportOutcome {
    DISMISSED,
    CONTENT_HIDDEN,
    AUTHOR_SUSPENDED
}
