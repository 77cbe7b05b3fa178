package io.sparkfeed.moderation;

/** Why a report was filed; {@code OTHER} needs a text. */
public enum ReportReason {
    SPAM,
    UNDISCLOSED_ADVERTISING,
    COUNTERFEIT,
    HARASSMENT,
    NUDITY_OR_VIOLENCE,
    OTHER
}
