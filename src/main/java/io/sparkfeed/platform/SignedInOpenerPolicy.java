package io.sparkfeed.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;

/**
 * {@code Cross-Origin-Opener-Policy: same-origin} on a signed-in reader's pages: a window of another site that opened
 * one, or that one opened, gets no handle on it, so it can neither read what the page shows of the reader (frame
 * counts, navigations) nor send it elsewhere. A visitor's page is the same for everyone, with nothing of the reader
 * to protect, and goes without: the header makes Chromium move a page that arrives from another one (a search
 * result) into a new browsing context group, which on a phone costs about a quarter of a second of blocked main
 * thread before the page answers (Lighthouse's total blocking time went from 25-140 ms to 200-700 ms).
 */
final class SignedInOpenerPolicy implements HeaderWriter {

    private final CrossOriginOpenerPolicyHeaderWriter sameOrigin = new CrossOriginOpenerPolicyHeaderWriter();

    SignedInOpenerPolicy() {
        sameOrigin.setPolicy(CrossOriginOpenerPolicy.SAME_ORIGIN);
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (SignedInReader.now()) {
            sameOrigin.writeHeaders(request, response);
        }
    }
}
