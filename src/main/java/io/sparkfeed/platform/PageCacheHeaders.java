package io.sparkfeed.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;

/**
 * How long a browser or a cache may keep a page, for responses that did not say so themselves (static files,
 * sitemaps, feeds and photos do). A visitor's page is {@code private, no-cache}: the browser asks again before
 * showing it anew, but may keep it, so the back/forward cache works (a {@code no-store} page never enters it); no
 * shared cache keeps it. A signed-in page is someone's own: {@code private, no-store}, never written to disk.
 */
final class PageCacheHeaders implements HeaderWriter {

    static final String VISITOR = "private, no-cache";

    static final String SIGNED_IN = "private, no-cache, no-store, max-age=0, must-revalidate";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HttpHeaders.CACHE_CONTROL)
                || response.containsHeader(HttpHeaders.EXPIRES)
                || response.getStatus() == HttpServletResponse.SC_NOT_MODIFIED) {
            return;
        }
        boolean signedIn = SignedInReader.now();
        response.setHeader(HttpHeaders.CACHE_CONTROL, signedIn ? SIGNED_IN : VISITOR);
        if (signedIn) {
            response.setHeader(HttpHeaders.PRAGMA, "no-cache");
            response.setHeader(HttpHeaders.EXPIRES, "0");
        }
    }
}
