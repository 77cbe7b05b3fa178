package io.sparkfeed.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An upload far over the limit is stopped by the servlet container before any controller sees it; instead of an
 * error page, the person goes back to the form with the reason.
 */
@ControllerAdvice
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "upload.tooLarge");
        return "redirect:" + sameSiteReferer(request);
    }

    private static String sameSiteReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (request.getServerName().equals(uri.getHost()) && uri.getPath() != null
                        && uri.getPath().startsWith("/")) {
                    return uri.getPath();
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI: go home
            }
        }
        return "/";
    }
}
