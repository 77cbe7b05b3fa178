package io.sparkfeed.platform.web;

import io.sparkfeed.platform.PublicUrl;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/**
 * Puts every page's {@link PageLinks} in its model ({@code pageLinks}), for the canonical and language links the
 * layout writes. The canonical URL is the page's path with only the parameters that choose its content (a search's
 * {@code q}) and its language when the address names one; cursors, page sizes and tabs are left out. Nothing here touches the session: a visitor stays
 * session-less, whatever the language.
 */
@ControllerAdvice
class PageLinksAdvice {

    /** Query parameters that make another page, not another view of the same one. */
    private static final Set<String> KEPT = Set.of("q");

    /** The longest parameter value written into a link (a search's words are bounded before anyway). */
    private static final int MAX_VALUE = 200;

    private final PublicUrl publicUrl;
    private final UrlPathHelper paths = new UrlPathHelper();

    PageLinksAdvice(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @ModelAttribute("pageLinks")
    PageLinks pageLinks(HttpServletRequest request, Locale locale) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // an error page is no page to index
            return null;
        }
        String base = publicUrl.base(request);
        var url = UriComponentsBuilder.fromUriString(base).path(paths.getPathWithinApplication(request));
        for (String name : KEPT) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                url.queryParam(name, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
            }
        }
        String any = url.encode().build().toUriString();
        String english =
                url.cloneBuilder().queryParam("lang", "en").encode().build().toUriString();
        String french =
                url.cloneBuilder().queryParam("lang", "fr").encode().build().toUriString();
        // the address asked for is its own canonical: a language address names itself, and the address without a
        // language (the x-default, which speaks the reader's language) names itself too; pointing it at one of
        // its language versions would contradict the alternates (search engines then ignore both)
        String asked = request.getParameter("lang");
        String canonical;
        if (asked == null) {
            canonical = any;
        } else {
            canonical = Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? french : english;
        }
        return new PageLinks(base, canonical, english, french, any);
    }
}
