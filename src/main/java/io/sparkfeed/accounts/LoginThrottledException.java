package io.sparkfeed.accounts;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * Too many failed logins for this account or address; the login page says how long to wait. A
 * {@link LockedException}, so the security configuration maps it without knowing this module.
 */
public class LoginThrottledException extends LockedException {

    private final Duration wait;

    public LoginThrottledException(Duration wait) {
        super("Too many failed logins");
        this.wait = wait;
    }

    public long waitMinutes() {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
