package io.sparkfeed.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches a request that no controller answers, so that an unknown URL gets the 404 page (which the dispatcher
 * answers) instead of a detour through the login form. A path a controller maps, whatever the method or media
 * type asked, does not match: it stays behind the rules for its route.
 */
final class UnmappedRequestMatcher implements RequestMatcher {

    private final ApplicationContext context;
    private volatile RequestMappingHandlerMapping mappings;

    UnmappedRequestMatcher(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        var probe = new OwnAttributesRequest(request);
        ServletRequestPathUtils.parseAndCache(probe);
        try {
            return mappings().getHandler(probe) == null;
        } catch (Exception mappedOtherwise) {
            // e.g. the path is mapped for another method: an existing route
            return false;
        }
    }

    private RequestMappingHandlerMapping mappings() {
        RequestMappingHandlerMapping found = mappings;
        if (found == null) {
            // looked up late: the security filter chain is built before MVC's handler mappings
            found = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            mappings = found;
        }
        return found;
    }
}
