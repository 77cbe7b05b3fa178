package io.sparkfeed.platform;

import java.time.Duration;

/** A rate limit said no: answered 429 with {@code Retry-After} and a page saying how long to wait. */
public class TooManyRequestsException extends RuntimeException implements RetryAfter {

    private final Duration wait;

    public TooManyRequestsException(Duration wait) {
        super("Too many requests");
        this.wait = wait;
    }

    @Override
    public Duration retryAfter() {
        return wait;
    }
}
