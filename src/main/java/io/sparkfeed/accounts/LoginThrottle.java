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
 * Counts failed logins per account and per client address. After {@code sparkfeed.security.login.max-failures}
 * failures in a row for either, further attempts are refused until {@code lockout} has passed since the last
 * failure, whatever the password. An account is counted once whether it is typed as its email or its handle (see
 * {@link #account}); a login that matches no account is counted by the text typed, so it is throttled exactly like
 * a real one and cannot tell a prober which names exist. Kept in memory: one instance, and a restart forgives.
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

    /**
     * What failures are counted against: the account's id when the typed login names one, else the typed text.
     *
     * @param accountId the account the login names, or {@code null} when it names none
     */
    public static String account(Long accountId, String typedLogin) {
        return accountId != null ? "account:" + accountId
                : "login:" + (typedLogin == null ? "" : Accounts.stripAt(typedLogin.strip()).toLowerCase(Locale.ROOT));
    }

    /** How long the caller must still wait, or zero; {@code account} comes from {@link #account}. */
    public Duration waitFor(String account, String address) {
        Instant now = clock.instant();
        Duration byAccount = remaining(account, now);
        Duration byAddress = remaining(addressKey(address), now);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {account, addressKey(address)}) {
            failures.compute(key, (k, previous) -> {
                boolean expired = previous == null || previous.last().plus(lockout).isBefore(now);
                return new Failures(expired ? 1 : previous.count() + 1, now);
            });
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> e.getValue().last().plus(lockout).isBefore(now));
        }
    }

    /** A successful login forgives the account's failures (by email and by handle); the address keeps its count. */
    public void succeeded(String account) {
        failures.remove(account);
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

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
