package io.sparkfeed.accounts;

import io.sparkfeed.mail.Outbox;
import io.sparkfeed.mail.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verified addresses. Sign-up mails a link that works once, for 24 hours; until it is followed the account browses
 * and buys but does not post, comment or follow (see {@link Accounts#requireVerifiedEmail}). A new address is
 * verified at that address before it replaces the old one, and the old one is told.
 */
@Service
public class EmailAddresses {

    public static final Duration LINK_LIFETIME = Duration.ofHours(24);

    /** What following a mailed link did. */
    public enum Outcome {
        VERIFIED,
        CHANGED,
        /** Unknown, used, expired or superseded; or the address was taken meanwhile. */
        EXPIRED
    }

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final Passwords passwords;
    private final Outbox outbox;
    private final Clock clock;

    EmailAddresses(AccountRepository accounts, AccountTokens tokens, Passwords passwords, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Mails the account a link that verifies its address (a new one ends the earlier); nothing once verified. */
    @Transactional
    public void mailVerification(long accountId, Locale locale, String siteUrl) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.emailVerified()) {
            return;
        }
        String token = tokens.issue(accountId, AccountTokens.Purpose.EMAIL_VERIFY, account.email(), LINK_LIFETIME);
        outbox.queue(OutgoingMail.of(
                account.email(),
                accountId,
                "verifyEmail",
                locale,
                Map.of(
                        "name", account.displayName(),
                        "link", siteUrl + "/verify-email?token=" + token,
                        "arg", LINK_LIFETIME.toHours())));
    }

    /**
     * Asks to move the account to a new address: the current password proves it is the owner, the new address gets
     * a link that makes the change, and the old one a notice. Refused ({@link AccountRejectedException}) for a
     * wrong password, the same address, or one another account uses.
     */
    @Transactional
    public void requestChange(long accountId, String currentPassword, String newEmail, Locale locale, String siteUrl) {
        Account account = accounts.findById(accountId).orElseThrow();
        passwords.requireCurrent(account, currentPassword);
        String email = newEmail.strip();
        if (email.equalsIgnoreCase(account.email())) {
            throw new AccountRejectedException("email", "settings.email.same");
        }
        if (accounts.emailTaken(email)) {
            throw new AccountRejectedException("email", "settings.email.taken");
        }
        String token = tokens.issue(accountId, AccountTokens.Purpose.EMAIL_CHANGE, email, LINK_LIFETIME);
        outbox.queue(OutgoingMail.of(
                email,
                accountId,
                "emailChange",
                locale,
                Map.of(
                        "name", account.displayName(),
                        "link", siteUrl + "/verify-email?token=" + token,
                        "arg", LINK_LIFETIME.toHours())));
        outbox.queue(OutgoingMail.of(
                account.email(),
                accountId,
                "emailChangeNotice",
                locale,
                Map.of("name", account.displayName(), "arg", email)));
    }

    /** Follows a mailed link: verifies the sign-up address, or moves the account to its new one. */
    @Transactional
    public Outcome follow(String token) {
        Optional<AccountTokens.Used> verify = tokens.use(token, AccountTokens.Purpose.EMAIL_VERIFY);
        if (verify.isPresent()) {
            return accounts.findById(verify.get().accountId())
                    .filter(account ->
                            account.email().equalsIgnoreCase(verify.get().email()))
                    .map(account -> {
                        account.verifyEmail(clock.instant());
                        return Outcome.VERIFIED;
                    })
                    .orElse(Outcome.EXPIRED);
        }
        Optional<AccountTokens.Used> change = tokens.use(token, AccountTokens.Purpose.EMAIL_CHANGE);
        if (change.isEmpty() || accounts.emailTaken(change.get().email())) {
            return Outcome.EXPIRED;
        }
        Account account = accounts.findById(change.get().accountId()).orElseThrow();
        account.changeEmail(change.get().email(), clock.instant());
        try {
            accounts.flush();
        } catch (DataIntegrityViolationException taken) { // another account took it between the check and now
            throw new AccountRejectedException("email", "settings.email.taken");
        }
        tokens.endAll(account.id(), AccountTokens.Purpose.EMAIL_VERIFY);
        return Outcome.CHANGED;
    }
}
