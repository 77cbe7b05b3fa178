package io.sparkfeed.accounts;

import io.sparkfeed.mail.Outbox;
import io.sparkfeed.mail.OutgoingMail;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.RateLimits;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten and changed passwords. A reset link is mailed only to an active account's address, and the page that
 * asks for it answers the same whether or not the address exists; its token works once, for 30 minutes. A reset or a
 * change ends every session and remember-me cookie of the account (the controller signs the person in again on the
 * device they are using).
 */
@Service
public class Passwords {

    public static final Duration RESET_LIFETIME = Duration.ofMinutes(30);

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Accounts sessions;
    private final Outbox outbox;
    private final RateLimits limits;
    private final TransactionTemplate transaction;

    Passwords(
            AccountRepository accounts,
            AccountTokens tokens,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            Accounts sessions,
            Outbox outbox,
            RateLimits limits,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.outbox = outbox;
        this.limits = limits;
        this.transaction = transaction;
    }

    /**
     * Mails a reset link to the address when it is an active account's, at most a few times an hour per address
     * (beyond that, and for an unknown address, nothing happens and the caller cannot tell). Runs outside any
     * transaction: the limit takes its own.
     *
     * @param siteUrl the site's absolute address, which the link starts with
     */
    public void requestReset(String email, Locale locale, String siteUrl) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty() || address.length() > Outbox.MAX_ADDRESS) {
            return;
        }
        if (!limits.consume(Limit.PASSWORD_RESET_EMAIL, address.toLowerCase(Locale.ROOT))
                .allowed()) {
            return;
        }
        transaction.executeWithoutResult(status -> accounts.findByEmail(address)
                .filter(account -> !account.suspended())
                .ifPresent(account -> {
                    String token = tokens.issue(account.id(), AccountTokens.Purpose.PASSWORD_RESET, RESET_LIFETIME);
                    outbox.queue(OutgoingMail.of(
                            account.email(),
                            account.id(),
                            "passwordReset",
                            locale,
                            Map.of(
                                    "name", account.displayName(),
                                    "link", siteUrl + "/login/reset?token=" + token,
                                    "arg", RESET_LIFETIME.toMinutes())));
                }));
    }

    /** Whether a reset link still works (unknown, used and expired ones do not). */
    @Transactional(readOnly = true)
    public boolean resetOpen(String token) {
        return tokens.peek(token, AccountTokens.Purpose.PASSWORD_RESET).isPresent();
    }

    /**
     * Sets a new password with a mailed token, uses the token, and ends every session and remember-me cookie of the
     * account. Returns the account's email, to sign the person in. A weak password is refused and the token stays
     * usable; an unknown, used or expired token is refused ({@code token}).
     */
    @Transactional
    public String reset(String token, String password) {
        Account account = tokens.peek(token, AccountTokens.Purpose.PASSWORD_RESET)
                .flatMap(accounts::findById)
                .filter(found -> !found.suspended())
                .orElseThrow(() -> new AccountRejectedException("token", "password.reset.expired"));
        refuseWeak(account, password);
        tokens.use(token, AccountTokens.Purpose.PASSWORD_RESET)
                .orElseThrow(() -> new AccountRejectedException("token", "password.reset.expired"));
        setPassword(account, password);
        return account.email();
    }

    /**
     * Changes the password of a signed-in account, which must give its current one, and ends every session and
     * remember-me cookie of the account. Returns the account's email, to sign the person in again.
     */
    @Transactional
    public String change(long accountId, String current, String password) {
        Account account = accounts.findById(accountId).orElseThrow();
        requireCurrent(account, current);
        refuseWeak(account, password);
        if (encoder.matches(password, account.passwordHash())) {
            throw new AccountRejectedException("password", "password.change.same");
        }
        setPassword(account, password);
        return account.email();
    }

    /** Refuses ({@code current}) what is not the account's password: a change of password or address asks for it. */
    void requireCurrent(Account account, String current) {
        if (current == null || current.length() > 200 || !encoder.matches(current, account.passwordHash())) {
            throw new AccountRejectedException("current", "password.change.wrongCurrent");
        }
    }

    private void refuseWeak(Account account, String password) {
        Optional<String> problem = policy.problem(password, account.email(), account.handle());
        problem.ifPresent(key -> {
            throw new AccountRejectedException("password", key);
        });
    }

    private void setPassword(Account account, String password) {
        account.changePassword(encoder.encode(password));
        tokens.endAll(account.id(), AccountTokens.Purpose.PASSWORD_RESET);
        sessions.logOutEverywhere(account.id());
    }
}
