package io.sparkfeed.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;

/**
 * Remember-me cookies that logging out revokes. Spring's signed cookie (email, expiry, and an HMAC over them, the
 * password hash and a server key) stays valid until it expires, so a copy taken before a logout would still sign
 * in. Here the signature also covers the account's {@code remember_me_version}, which a logout increments: every
 * cookie issued before then stops working, on every device, like after a password change. No token table, and
 * no races between tabs that open at once with the same cookie.
 */
class RevocableRememberMeServices extends TokenBasedRememberMeServices {

    private final JdbcClient jdbc;

    RevocableRememberMeServices(String key, UserDetailsService users, JdbcClient jdbc) {
        super(key, users, RememberMeTokenAlgorithm.SHA256);
        this.jdbc = jdbc;
    }

    @Override
    protected String makeTokenSignature(
            long tokenExpiryTime, String username, String password, RememberMeTokenAlgorithm algorithm) {
        return super.makeTokenSignature(tokenExpiryTime, username, password + ":" + version(username), algorithm);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        super.logout(request, response, authentication);
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            jdbc.sql("update accounts set remember_me_version = remember_me_version + 1 where id = ?")
                    .param(principal.id())
                    .update();
        }
    }

    private int version(String email) {
        return jdbc.sql("select remember_me_version from accounts where lower(email) = lower(?)")
                .param(email)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }
}
