package io.sparkfeed.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads an account for login by its email or its handle (with or without the @). */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String login) {
        String key = login == null ? "" : Accounts.stripAt(login.strip());
        return accounts.findByLogin(key)
                .map(a -> new AccountPrincipal(
                        a.id(), a.email(), a.handle(), a.passwordHash(), a.admin(), a.suspended(), a.sessionVersion()))
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }
}
