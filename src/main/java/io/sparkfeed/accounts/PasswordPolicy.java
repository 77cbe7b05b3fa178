package io.sparkfeed.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Says why a password is refused, or nothing when it is acceptable: at least 10 characters, at most the 72 bytes
 * (UTF-8) bcrypt reads (Spring's encoder refuses to hash more), not on a list of common passwords, and not the
 * account's own email or handle.
 */
@Component
public class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 10;

    public static final int MAXIMUM_BYTES = 72;

    private final Set<String> common;

    public PasswordPolicy() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            this.common = reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message key of the first rule the password breaks. */
    public Optional<String> problem(String password, String email, String handle) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return Optional.of("signup.password.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            return Optional.of("signup.password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("signup.password.common");
        }
        if ((email != null && lower.equals(email.toLowerCase(Locale.ROOT)))
                || (handle != null && lower.equals(handle.toLowerCase(Locale.ROOT)))) {
            return Optional.of("signup.password.likeAccount");
        }
        return Optional.empty();
    }
}
