package io.sparkfeed.shop.web;

import io.sparkfeed.shop.PostStats;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the interceptor that counts post views and product-card opens for the authors' statistics. */
@Configuration(proxyBeanMethods = false)
class ShopWebConfig implements WebMvcConfigurer {

    private final PostStats stats;

    ShopWebConfig(PostStats stats) {
        this.stats = stats;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // every page that lists post cards: the feeds, a profile, a hashtag, an interest, a product, a post, search
        registry.addInterceptor(new AttributionInterceptor(stats))
                .addPathPatterns(
                        "/", "/following", "/@*", "/tags/*", "/interests/*", "/products/*", "/posts/*", "/search");
    }
}
