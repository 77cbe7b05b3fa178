package io.sparkfeed.accounts;

import io.sparkfeed.platform.SigningKeys;
import io.sparkfeed.platform.SparkfeedProperties;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.authentication.RememberMeServices;

/** The "remember me" of the login form: a 30-day cookie, revoked by logging out (see RevocableRememberMeServices). */
@Configuration(proxyBeanMethods = false)
class RememberMeConfig {

    static final int VALIDITY_SECONDS = 60 * 60 * 24 * 30;

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
        return SigningKeys.key(PROPERTY, configured, required, dataDir, "remember-me.key");
    }
}
