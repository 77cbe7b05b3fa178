package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.CurrentAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in account ({@code me}, null for a visitor) in every page's model, for the layout's header. */
@ControllerAdvice
class CurrentAccountAdvice {

    private final Accounts accounts;

    CurrentAccountAdvice(Accounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    CurrentAccount me(@AuthenticationPrincipal AccountPrincipal principal) {
        return principal == null ? null : accounts.current(principal.id()).orElse(null);
    }
}
