package io.sparkfeed.accounts;

import io.sparkfeed.platform.RetryAfter;
import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * Too many login attempts for this login, place or address; the login page says how long to wait. A
 * {@link LockedException} carrying a {@link RetryAfter}, so the security configuration maps it without knowing
 * this module.
 */
public class LoginThrottledException extends LockedException implements RetryAfter {

    private final Duration wait;

    public LoginThrottledException(Duration wait) {
        super("Too many login attempts");
        this.wait = wait;
    }

    @Override
    public Duration retryAfter() {
        return wait;
    }
}
