package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.Accounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.CompositeLogoutHandler;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Log out everywhere" from the account menu: ends every session and remember-me cookie of the account, on every
 * device (each is signed out at its next request, see {@link SessionAccountFilter}), and this one at once.
 */
@Controller
class LogOutEverywhereController {

    private final Accounts accounts;
    private final LogoutHandler thisDevice = new CompositeLogoutHandler(
            new SecurityContextLogoutHandler(), new CookieClearingLogoutHandler("SESSION", "remember-me"));

    LogOutEverywhereController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/me/logout-everywhere")
    String logOutEverywhere(
            @AuthenticationPrincipal AccountPrincipal principal,
            HttpServletRequest request,
            HttpServletResponse response) {
        accounts.logOutEverywhere(principal.id());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        thisDevice.logout(request, response, authentication);
        return "redirect:/login?ended";
    }
}
