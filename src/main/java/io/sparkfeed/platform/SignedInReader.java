package io.sparkfeed.platform;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whether the response being written goes to a signed-in reader: the one question the headers that differ between a
 * visitor's page and a reader's own ({@link PageCacheHeaders}, {@link SignedInOpenerPolicy}) ask, answered once.
 */
final class SignedInReader {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private SignedInReader() {}

    /** True after a login or a remember-me cookie; false for a visitor (anonymous, or no security context at all). */
    static boolean now() {
        return TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }
}
