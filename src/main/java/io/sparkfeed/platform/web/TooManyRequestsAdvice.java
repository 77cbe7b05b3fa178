package io.sparkfeed.platform.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.sparkfeed.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused write answers 429 with {@code Retry-After}: the site's page ({@code error/429}) for a browser, and for
 * htmx a message put above the page's content (htmx swaps 429 answers, see the layout's htmx-config).
 */
@ControllerAdvice
class TooManyRequestsAdvice {

    static final String WAIT_ATTRIBUTE = "retryAfterSeconds";

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(
            TooManyRequestsException refused,
            HtmxRequest htmx,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        long seconds = refused.retryAfterSeconds();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        request.setAttribute(WAIT_ATTRIBUTE, seconds);
        if (htmx.isHtmxRequest()) {
            response.setStatus(429);
            response.setHeader("HX-Retarget", "#main");
            response.setHeader("HX-Reswap", "afterbegin");
            var view = new ModelAndView("error/429 :: message");
            view.addObject(WAIT_ATTRIBUTE, seconds);
            return view;
        }
        // the error page, rendered like every other one (with the signed-in header)
        response.sendError(429);
        return new ModelAndView();
    }
}
