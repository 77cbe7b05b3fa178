package io.sparkfeed.platform;

import io.sparkfeed.platform.web.RateLimitInterceptor;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Rate limits on the handlers marked {@link RateLimited}; English or French: from the browser's Accept-Language,
 * or the visitor's choice ({@code ?lang=fr}) kept in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final RateLimits limits;

    WebConfig(RateLimits limits) {
        this.limits = limits;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("sparkfeed-lang");
        // without a cookie, French for browsers that ask for it, English for everyone else
        resolver.setDefaultLocaleFunction(request -> "fr".equals(request.getLocale().getLanguage())
                ? Locale.FRENCH : Locale.ENGLISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new RateLimitInterceptor(limits));
    }
}
