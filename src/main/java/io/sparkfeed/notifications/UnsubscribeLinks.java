package io.sparkfeed.notifications;

import io.sparkfeed.platform.SigningKeys;
import io.sparkfeed.platform.SparkfeedProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one-click unsubscribe links of notification mails (RFC 8058): {@code /unsubscribe?token=<account>.<scope>.<mac>}
 * where the scope is a kind, {@code DIGEST} (the digest's kinds) or {@code ALL}, and the MAC an HMAC-SHA256 of both
 * with {@code sparkfeed.security.mail-link-key} (generated beside the data when unset, like the remember-me key).
 * A link never expires: a person must be able to stop mails from one they received a year ago; nothing but
 * turning mails off can be done with it.
 */
@Component
class UnsubscribeLinks {

    static final String PROPERTY = "sparkfeed.security.mail-link-key";

    /** The longest token: an id of 19 digits, the longest scope, a 43-character MAC and two dots. */
    static final int MAX_TOKEN = 120;

    /** What a valid link may turn off. */
    record Scope(long accountId, String scope) {}

    private final SecretKeySpec key;

    UnsubscribeLinks(
            SparkfeedProperties properties,
            @Value("${" + PROPERTY + ":}") String configured,
            @Value("${sparkfeed.security.require-configured-keys:false}") boolean required) {
        String secret = SigningKeys.key(PROPERTY, configured, required, properties.dataDir(), "mail-link.key");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String token(long accountId, String scope) {
        return accountId + "." + scope + "." + mac(accountId, scope);
    }

    /** The account and scope a token names, when it is one this server signed. */
    Optional<Scope> read(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3
                || !parts[0].matches("[0-9]{1,18}")
                || !parts[1].matches("[A-Z_]{1,40}")
                || !(parts[1].equals("ALL")
                        || parts[1].equals("DIGEST")
                        || NotificationKind.of(parts[1]).isPresent())) {
            return Optional.empty();
        }
        long accountId = Long.parseLong(parts[0]);
        byte[] expected = mac(accountId, parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new Scope(accountId, parts[1]));
    }

    private String mac(long accountId, String scope) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signed = mac.doFinal(("unsubscribe:" + accountId + ":" + scope).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
