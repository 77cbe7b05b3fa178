package io.sparkfeed.platform;

import io.sparkfeed.platform.web.RateLimitInterceptor;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Rate limits on the handlers marked {@link RateLimited}; English or French: from the browser's Accept-Language,
 * or the visitor's choice ({@code ?lang=fr}) kept in a cookie.
 * Stylesheets, scripts, icons and htmx are served at URLs that carry a hash of their content
 * ({@code /css/app-<md5>.css}: templates write {@code @{/css/app.css}} and get the hashed URL), so a browser or a
 * proxy keeps them for a year without asking again, and a changed file is a new URL. These are the only static
 * files: Boot's catch-all {@code /**} handler is off, or every link of every page ({@code /posts/1}, {@code /@maya})
 * would be looked up on the classpath as a possible static file when the page rewrites its URLs.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private static final CacheControl FOREVER =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final RateLimits limits;

    WebConfig(RateLimits limits) {
        this.limits = limits;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("sparkfeed-lang");
        // without a cookie, French for browsers that ask for it, English for everyone else
        resolver.setDefaultLocaleFunction(
                request -> "fr".equals(request.getLocale().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        // a feed's or an oEmbed answer's language is its URL's alone: cached publicly, they set no cookie
        registry.addInterceptor(change).excludePathPatterns("/feeds/**", "/oembed");
        registry.addInterceptor(new RateLimitInterceptor(limits));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        hashed(registry, "/css/**", "classpath:/static/css/");
        hashed(registry, "/js/**", "classpath:/static/js/");
        hashed(registry, "/img/**", "classpath:/static/img/");
        hashed(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
        registry.addResourceHandler("/favicon.ico")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    private static void hashed(ResourceHandlerRegistry registry, String pattern, String location) {
        registry.addResourceHandler(pattern)
                .addResourceLocations(location)
                .setCacheControl(FOREVER)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
}
