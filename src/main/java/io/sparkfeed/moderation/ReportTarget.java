package io.sparkfeed.moderation;

/** What a report is about. */
public enum ReportTarget {
    POST,
    COMMENT,
    ACCOUNT,
    QUESTION,
    ANSWER
}
