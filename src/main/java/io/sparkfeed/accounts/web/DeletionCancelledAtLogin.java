package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountDeletions;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.platform.AfterLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/** Logging in during the grace period takes a scheduled account deletion back, and the next page says so. */
@Component
class DeletionCancelledAtLogin implements AfterLogin {

    private final AccountDeletions deletions;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    DeletionCancelledAtLogin(AccountDeletions deletions) {
        this.deletions = deletions;
    }

    @Override
    public void loggedIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (authentication.getPrincipal() instanceof AccountPrincipal me && deletions.cancel(me.id())) {
            FlashMap flash = new FlashMap();
            flash.put("notice", "deletion.cancelledByLogin");
            flashMaps.saveOutputFlashMap(flash, request, response);
        }
    }
}
