package io.sparkfeed.platform;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whether the request being served comes from a signed-in reader, answered once for all that tells a reader from a
 * visitor: the headers that differ between a visitor's page and a reader's own ({@link PageCacheHeaders},
 * {@link SignedInOpenerPolicy}) and the rate limiter, which counts a reader's requests by account and a visitor's
 * by address.
 */
public final class SignedInReader {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private SignedInReader() {}

    /** True after a login or a remember-me cookie; false for a visitor (anonymous, or no security context at all). */
    public static boolean now() {
        return TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }
}
