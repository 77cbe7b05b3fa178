package io.sparkfeed.accounts;

import io.sparkfeed.platform.SparkfeedProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.authentication.RememberMeServices;

/** The "remember me" of the login form: a 30-day cookie, revoked by logging out (see RevocableRememberMeServices). */
@Configuration(proxyBeanMethods = false)
class RememberMeConfig {

    static final int VALIDITY_SECONDS = 60 * 60 * 24 * 30;

    /** 32 random bytes in hex, like the generated key: anything shorter is a password, not a key. */
    static final int MIN_KEY_LENGTH = 32;

    private static final String PROPERTY = "sparkfeed.security.remember-me-key";

    @Bean
    RememberMeServices rememberMeServices(
            AccountUserDetailsService users,
            JdbcClient jdbc,
            SparkfeedProperties properties,
            @Value("${" + PROPERTY + ":}") String configuredKey,
            @Value("${sparkfeed.security.require-configured-keys:false}") boolean configuredKeysRequired) {
        String key = key(configuredKey, configuredKeysRequired, properties.dataDir());
        var services = new RevocableRememberMeServices(key, users, jdbc);
        services.setTokenValiditySeconds(VALIDITY_SECONDS);
        // like the session cookie: not sent on cross-site subrequests or form posts
        services.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        return services;
    }

    /**
     * The configured key, or (unless the configuration must give one, as in {@code prod}, where several instances
     * must share it) one generated beside the data. A start with a missing or short key fails with what to set.
     */
    static String key(String configured, boolean required, Path dataDir) {
        String key = configured.strip();
        if (key.isEmpty() && required) {
            throw new IllegalStateException(PROPERTY + " (environment: SPARKFEED_SECURITY_REMEMBER_ME_KEY) is not "
                    + "set: this profile takes its signing keys from configuration, the same on every instance. "
                    + "Set it to " + MIN_KEY_LENGTH + " or more random characters, e.g. the output of "
                    + "`openssl rand -hex 32`.");
        }
        if (key.isEmpty()) {
            return generatedKey(dataDir);
        }
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException(PROPERTY + " is " + key.length() + " characters long: it needs "
                    + MIN_KEY_LENGTH + " or more random characters, e.g. the output of `openssl rand -hex 32`.");
        }
        return key;
    }

    /** A remember-me key kept beside the data, so cookies survive a restart without a secret in the repository. */
    private static String generatedKey(Path dataDir) {
        Path file = dataDir.resolve("remember-me.key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(dataDir);
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
