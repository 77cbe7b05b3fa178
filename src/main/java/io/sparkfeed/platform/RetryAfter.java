package io.sparkfeed.platform;

import java.time.Duration;

/** A refusal that ends by itself: how long to wait before trying again. */
public interface RetryAfter {

    Duration retryAfter();

    /** The wait in whole seconds, at least one (what {@code Retry-After} and the pages show). */
    default long retryAfterSeconds() {
        return Math.max(1, (retryAfter().toMillis() + 999) / 1000);
    }
}
