package io.sparkfeed.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The server's signing keys (remember-me cookies, unsubscribe links): from configuration, the same on every
 * instance, or, unless the configuration must give them ({@code sparkfeed.security.require-configured-keys}, on in
 * {@code prod}), generated once and kept in a file beside the data, so links and cookies survive a restart without
 * a secret in the repository.
 */
public final class SigningKeys {

    /** 32 random bytes in hex, like a generated key: anything shorter is a password, not a key. */
    public static final int MIN_KEY_LENGTH = 32;

    private SigningKeys() {}

    /**
     * The configured key of {@code property}, or the one kept in {@code file} under the data folder. A start with a
     * missing (where required) or short key fails with what to set.
     */
    public static String key(String property, String configured, boolean required, Path dataDir, String file) {
        String key = configured.strip();
        String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        if (key.isEmpty() && required) {
            throw new IllegalStateException(property + " (environment: " + variable + ") is not "
                    + "set: this profile takes its signing keys from configuration, the same on every instance. "
                    + "Set it to " + MIN_KEY_LENGTH + " or more random characters, e.g. the output of "
                    + "`openssl rand -hex 32`.");
        }
        if (key.isEmpty()) {
            return generatedKey(dataDir.resolve(file));
        }
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException(property + " is " + key.length() + " characters long: it needs "
                    + MIN_KEY_LENGTH + " or more random characters, e.g. the output of `openssl rand -hex 32`.");
        }
        return key;
    }

    private static synchronized String generatedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String key = HexFormat.of().formatHex(bytes);
            Files.writeString(file, key, StandardCharsets.US_ASCII);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        }
    }
}
