package io.sparkfeed.accounts;

import java.util.Optional;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password login through the account store. Every attempt takes its tokens from {@link LoginThrottle} first (so
 * parallel attempts cannot outrun the count), then the password is checked, and only then whether the account is
 * suspended: a suspended account's login is counted like any other, and says "suspended" only to whoever knows
 * its password.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    /** Longer than any email (254) or handle: such a login names no account, and is not looked up. */
    static final int MAX_LOGIN = 320;

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final AccountRepository accounts;

    ThrottledAuthenticationProvider(
            AccountUserDetailsService users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            AccountRepository accounts) {
        this.accounts = accounts;
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(passwordEncoder);
        this.delegate.setPreAuthenticationChecks(user -> {});
        this.delegate.setPostAuthenticationChecks(ThrottledAuthenticationProvider::usable);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String typed = authentication.getName() == null ? "" : authentication.getName();
        Optional<Long> account =
                typed.length() > MAX_LOGIN ? Optional.empty() : accounts.findIdByLogin(Accounts.stripAt(typed.strip()));
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        LoginThrottle.Attempt attempt = throttle.begin(account.orElse(null), typed, address);
        Authentication result = delegate.authenticate(authentication);
        throttle.succeeded(attempt);
        return result;
    }

    /** Spring's checks, after the password instead of before it. */
    private static void usable(UserDetails user) {
        if (!user.isAccountNonLocked()) {
            throw new LockedException("locked");
        }
        if (!user.isEnabled()) {
            throw new DisabledException("suspended");
        }
        if (!user.isAccountNonExpired()) {
            throw new AccountExpiredException("expired");
        }
        if (!user.isCredentialsNonExpired()) {
            throw new CredentialsExpiredException("credentials expired");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
