package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.CurrentAccount;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
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
    CurrentAccount me(@AuthenticationPrincipal AccountPrincipal principal, HttpServletRequest request) {
        if (principal == null) {
            return null;
        }
        // loaded already by SessionAccountFilter for this request
        if (request.getAttribute(SessionAccountFilter.CURRENT) instanceof CurrentAccount loaded
                && loaded.id() == principal.id()) {
            return loaded;
        }
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // an error page asks the database nothing: it may be the error (the 503 page while it is down)
            return null;
        }
        return accounts.current(principal.id()).orElse(null);
    }
}
