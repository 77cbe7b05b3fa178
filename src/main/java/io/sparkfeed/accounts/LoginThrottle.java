package io.sparkfeed.accounts;

import io.sparkfeed.platform.ClientAddress;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.RateLimits;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts login attempts in three token buckets kept in PostgreSQL (see {@link RateLimits}), each attempt taken
 * before its password is checked, so parallel guesses cannot all slip through:
 * <ul>
 * <li>the <em>place</em>, one login from one address (IPv6 per /64): a few tries, then a growing wait; the
 * owner's right password from another place is not affected;</li>
 * <li>the <em>login</em> from every address: a higher threshold and waits of seconds to a couple of minutes, so
 * guessing from many addresses slows down without ever locking the owner out;</li>
 * <li>the <em>address</em>, whatever the login: a higher threshold still, and each successful login gives some of
 * it back, so a shared NAT is not punished for its users' typos.</li>
 * </ul>
 * A login that names an account is counted by the account's id and the form typed (email or handle): failures by
 * email never throttle the handle, so the throttle cannot tell a prober which email belongs to which handle. A
 * login that names nothing is counted by its normalised text, like a real one. Keys are hashed to 64 bits by
 * {@link RateLimits}, so nothing typed is kept.
 */
@Component
public class LoginThrottle {

    /** The buckets an attempt took a token from: a success gives them back. */
    public record Attempt(String login, String place, String address) {}

    private final RateLimits limits;

    LoginThrottle(RateLimits limits) {
        this.limits = limits;
    }

    /**
     * Takes a token from each bucket, or none when one is empty.
     *
     * @param accountId the account the login names, or {@code null}
     * @throws LoginThrottledException with the wait, when a bucket is empty
     */
    public Attempt begin(Long accountId, String typedLogin, String remoteAddress) {
        String login = login(accountId, typedLogin);
        String address = ClientAddress.of(remoteAddress);
        Attempt attempt = new Attempt(login, login + " from " + address, address);
        RateLimits.Outcome place = limits.consume(Limit.LOGIN_PLACE, attempt.place());
        if (!place.allowed()) {
            throw new LoginThrottledException(place.retryAfter());
        }
        RateLimits.Outcome everywhere = limits.consume(Limit.LOGIN_ACCOUNT, attempt.login());
        if (!everywhere.allowed()) {
            limits.refund(Limit.LOGIN_PLACE, attempt.place(), 1);
            throw new LoginThrottledException(everywhere.retryAfter());
        }
        RateLimits.Outcome fromAddress = limits.consume(Limit.LOGIN_ADDRESS, attempt.address());
        if (!fromAddress.allowed()) {
            limits.refund(Limit.LOGIN_PLACE, attempt.place(), 1);
            limits.refund(Limit.LOGIN_ACCOUNT, attempt.login(), 1);
            throw new LoginThrottledException(fromAddress.retryAfter());
        }
        return attempt;
    }

    /**
     * The password was right: the place starts afresh, the login gets its token back, and the address gets its
     * token and one more back (one earlier failure forgiven).
     */
    public void succeeded(Attempt attempt) {
        limits.forgive(Limit.LOGIN_PLACE, attempt.place());
        limits.refund(Limit.LOGIN_ACCOUNT, attempt.login(), 1);
        limits.refund(Limit.LOGIN_ADDRESS, attempt.address(), 2);
    }

    static String login(Long accountId, String typedLogin) {
        String typed =
                typedLogin == null ? "" : Accounts.stripAt(typedLogin.strip()).toLowerCase(Locale.ROOT);
        if (accountId != null) {
            return "account " + accountId + (typed.contains("@") ? " by email" : " by handle");
        }
        return "login " + typed;
    }
}
