package io.sparkfeed.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.util.WebUtils;

/**
 * Bounds what a request may carry before anything reads it: a form body that is not an upload is at most
 * {@link #MAX_FORM_BYTES} (Tomcat's {@code max-http-form-post-size} says the same for bodies sent without a length),
 * and no parameter value is longer than the longest field of any form ({@link #MAX_VALUE} characters; the login a
 * little more than the longest email address). Such a request is no person filling a form in: a bare 413 or 400, and
 * no lookup, no hash, no parsing of numbers happens for it. Uploads are measured by the multipart limits, and their
 * text fields checked here too once {@link UploadLimitFilter} has parsed them.
 */
@Component
class RequestLimitsFilter extends OncePerRequestFilter implements Ordered {

    static final int MAX_FORM_BYTES = 64 * 1024;
    /** Above the longest text any form takes (a product description, 4000 characters). */
    static final int MAX_VALUE = 5_000;
    /** Names with a tighter bound: a login is an email (at most 254 characters) or a handle. */
    private static final Map<String, Integer> NAMED = Map.of("login", 320, "password", 1_000);

    private final MultipartResolver multipart;

    RequestLimitsFilter(MultipartResolver multipart) {
        this.multipart = multipart;
    }

    /**
     * Before every filter that reads the parameters: the upload filter, Spring Security and the published-password
     * check. Tomcat refuses to parse a body over its own limit, and a filter that asked for a parameter first got
     * an exception logged with its stack trace for each such request: a way to flood the log.
     */
    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = multipart.isMultipart(request);
        if (!upload && request.getContentLengthLong() > MAX_FORM_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        // an upload not parsed yet is parsed, measured and then checked by UploadLimitFilter
        boolean parsed = !upload || WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) != null;
        if (parsed && tooLong(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether a parameter (of the query string or the body) is longer than any form field. */
    static boolean tooLong(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            int limit = NAMED.getOrDefault(parameter.getKey(), MAX_VALUE);
            if (parameter.getKey().length() > MAX_VALUE) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.length() > limit) {
                    return true;
                }
            }
        }
        return false;
    }
}
