package io.sparkfeed.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The single-use tokens mailed to an account ({@code account_tokens}). A token is 256 random bits, in the link as
 * 43 URL-safe characters; only its SHA-256 is stored, so a copy of the table opens nothing. Issuing one for a
 * purpose ends the account's earlier ones for it, and using one stamps it used in the statement that checks it.
 */
@Component
class AccountTokens {

    /** What a token is for. */
    enum Purpose {
        PASSWORD_RESET,
        /** Verifies the address an account signed up with. */
        EMAIL_VERIFY,
        /** Verifies the new address of an account, which then replaces the old one. */
        EMAIL_CHANGE
    }

    /** What a used token opened: the account, and the address it verifies (null for a password reset). */
    record Used(long accountId, String email) {}

    /** The length of every token this issues. */
    static final int LENGTH = 43;

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the account, valid for {@code lifetime}; earlier unused ones for that purpose end. */
    String issue(long accountId, Purpose purpose, Duration lifetime) {
        return issue(accountId, purpose, null, lifetime);
    }

    /** A new token that verifies {@code email} for the account. */
    String issue(long accountId, Purpose purpose, String email, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        endAll(accountId, purpose);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into account_tokens (token_hash, account_id, purpose, email, created_at, expires_at)
                        values (:hash, :account, :purpose, :email, :now, :expires)""")
                .param("hash", hash(token))
                .param("account", accountId)
                .param("purpose", purpose.name())
                .param("email", email)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(lifetime)))
                .update();
        return token;
    }

    /** The account a token still opens, without using it (the form behind a link). */
    Optional<Long> peek(String token, Purpose purpose) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select account_id from account_tokens
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
                .param("hash", hash(token))
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
    }

    /** Uses the token: the account it opened, once; empty when unknown, used or expired. */
    Optional<Used> use(String token, Purpose purpose) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        update account_tokens set used_at = :now
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        returning account_id, email""")
                .param("hash", hash(token))
                .param("purpose", purpose.name())
                .param("now", now)
                .query((rs, n) -> new Used(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /** Ends every unused token of the account for that purpose. */
    void endAll(long accountId, Purpose purpose) {
        jdbc.sql("""
                        update account_tokens set used_at = :now
                        where account_id = :account and purpose = :purpose and used_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("account", accountId)
                .param("purpose", purpose.name())
                .update();
    }

    private static boolean wellFormed(String token) {
        return token != null
                && token.length() == LENGTH
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
