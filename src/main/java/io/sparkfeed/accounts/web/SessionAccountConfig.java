package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.Accounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Puts {@link SessionAccountFilter} into Spring Security's chain (Spring Security applies every
 * {@code Customizer<HttpSecurity>} bean to the chain platform builds): after the session or the remember-me cookie
 * has signed the request in, before the chain decides what the request may reach.
 */
@Configuration(proxyBeanMethods = false)
class SessionAccountConfig {

    @Bean
    Customizer<HttpSecurity> sessionAccountCheck(Accounts accounts) {
        return http -> http.addFilterBefore(new SessionAccountFilter(accounts), AuthorizationFilter.class);
    }
}
