package io.sparkfeed.mail;

import java.time.Instant;

/**
 * A mail of the outbox as admins see it. The text is there only for a mail that never left (no SMTP configured):
 * a mail that was sent belongs to its recipient.
 */
public record OutboxEntry(
        long id,
        Instant createdAt,
        String recipient,
        String template,
        String subject,
        Status status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        String text) {

    /** Where a mail is. */
    public enum Status {
        /** Waiting for its first or next try. */
        PENDING,
        /** Accepted by the SMTP server. */
        SENT,
        /** No SMTP server is configured: the mail was written to the log and stays here. */
        LOGGED
    }
}
