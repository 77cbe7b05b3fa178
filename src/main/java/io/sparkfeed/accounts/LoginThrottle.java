package io.sparkfeed.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account name and per client address. After {@code sparkfeed.security.login.max-failures}
 * failures in a row for either, further attempts are refused until {@code lockout} has passed since the last
 * failure, whatever the password. Kept in memory: one instance, and a restart forgives.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    LoginThrottle(@Value("${sparkfeed.security.login.max-failures:5}") int maxFailures,
            @Value("${sparkfeed.security.login.lockout:15m}") Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the caller must still wait, or zero. */
    public Duration waitFor(String login, String address) {
        Instant now = clock.instant();
        Duration byAccount = remaining(accountKey(login), now);
        Duration byAddress = remaining(addressKey(address), now);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    public void failed(String login, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {accountKey(login), addressKey(address)}) {
            failures.compute(key, (k, previous) -> {
                boolean expired = previous == null || previous.last().plus(lockout).isBefore(now);
                return new Failures(expired ? 1 : previous.count() + 1, now);
            });
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> e.getValue().last().plus(lockout).isBefore(now));
        }
    }

    /** A successful login forgives the account's failures; the address keeps its count. */
    public void succeeded(String login) {
        failures.remove(accountKey(login));
    }

    /** Forgets everything (tests, and an operator's restart). */
    public void reset() {
        failures.clear();
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < maxFailures) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.last().plus(lockout));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String accountKey(String login) {
        return "account:" + (login == null ? "" : Accounts.stripAt(login.strip()).toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
