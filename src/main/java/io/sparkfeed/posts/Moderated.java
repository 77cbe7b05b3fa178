package io.sparkfeed.posts;

import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What a takedown leaves on a post or a comment: when the moderators hid it and why (columns {@code hidden_at} and
 * {@code hidden_reason} in both tables).
 */
@MappedSuperclass
abstract class Moderated {

    private Instant hiddenAt;
    private String hiddenReason;

    boolean hidden() {
        return hiddenAt != null;
    }

    void hide(String reason, Instant now) {
        this.hiddenAt = now;
        this.hiddenReason = reason;
    }

    void restore() {
        this.hiddenAt = null;
        this.hiddenReason = null;
    }
}
