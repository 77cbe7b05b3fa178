package io.sparkfeed.platform.web;

import io.sparkfeed.platform.ClientAddress;
import io.sparkfeed.platform.RateLimited;
import io.sparkfeed.platform.RateLimits;
import io.sparkfeed.platform.SignedInReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Takes the token of a {@link RateLimited} handler before the handler runs. */
public class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimits limits;

    public RateLimitInterceptor(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            RateLimited limited = method.getMethodAnnotation(RateLimited.class);
            if (limited != null) {
                limits.check(limited.value(), key(request, limited.byAddress()));
            }
        }
        return true;
    }

    private static String key(HttpServletRequest request, boolean byAddress) {
        if (!byAddress && SignedInReader.now()) {
            return "account:"
                    + SecurityContextHolder.getContext().getAuthentication().getName();
        }
        return "address:" + ClientAddress.of(request.getRemoteAddr());
    }
}
