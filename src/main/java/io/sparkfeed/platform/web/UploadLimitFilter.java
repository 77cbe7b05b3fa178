package io.sparkfeed.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.WebUtils;

/**
 * An upload over the multipart limit goes back to its form with the reason, instead of an error page.
 *
 * <p>It has to happen before Spring Security: the CSRF token travels in the multipart body, and once Tomcat has
 * refused to parse a body that is too large, every {@code getParameter} on the request throws, so the CSRF check
 * would answer 413 with a bare error page and no controller or advice would ever run. Here the body is parsed
 * first (Spring Security would parse it at once anyway); when it is too large, nothing has been read or stored and
 * nothing will be: the browser is sent back to the page the form was on, with a flash message. Answering without a
 * CSRF check is safe because the answer changes nothing. {@code server.tomcat.max-swallow-size} lets Tomcat read
 * and discard the rest of such a body, so the browser receives the redirect instead of a reset connection.
 */
@Component
class UploadLimitFilter extends OncePerRequestFilter implements Ordered {

    static final String PROBLEM = "upload.tooLarge";

    private final MultipartResolver multipart;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    UploadLimitFilter(MultipartResolver multipart) {
        this.multipart = multipart;
    }

    /** After the character encoding filter, before Spring Security's filter chain. */
    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !multipart.isMultipart(request)
                || WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            // the container keeps the parsed parts: the dispatcher servlet does not parse them again
            multipart.resolveMultipart(request);
        } catch (MaxUploadSizeExceededException tooLarge) {
            String back = sameSiteReferer(request);
            FlashMap flash = new FlashMap();
            flash.put("problem", PROBLEM);
            flash.setTargetRequestPath(back);
            flashMaps.saveOutputFlashMap(flash, request, response);
            response.sendRedirect(request.getContextPath() + back);
            return;
        }
        if (RequestLimitsFilter.tooLong(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The path of the page the form was on, when it is on this site; the home page otherwise. */
    private static String sameSiteReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String path = uri.getPath();
                if (request.getServerName().equalsIgnoreCase(uri.getHost())
                        && path != null
                        && path.startsWith(request.getContextPath() + "/")
                        && !path.startsWith("//")) {
                    return path.substring(request.getContextPath().length());
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI: go home
            }
        }
        return "/";
    }
}
