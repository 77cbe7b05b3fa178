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

    @Bean
    RememberMeServices rememberMeServices(AccountUserDetailsService users, JdbcClient jdbc,
            SparkfeedProperties properties, @Value("${sparkfeed.security.remember-me-key:}") String configuredKey) {
        String key = configuredKey.isBlank() ? generatedKey(properties.dataDir()) : configuredKey;
        var services = new RevocableRememberMeServices(key, users, jdbc);
        services.setTokenValiditySeconds(VALIDITY_SECONDS);
        // like the session cookie: not sent on cross-site subrequests or form posts
        services.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        return services;
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
