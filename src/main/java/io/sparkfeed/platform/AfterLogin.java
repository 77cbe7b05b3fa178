package io.sparkfeed.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;

/**
 * SPI: what a module does when someone has just logged in with the login form (not a remember-me cookie), before
 * they are sent on to the page they came for: the accounts module takes back a scheduled account deletion there,
 * and says so in a notice on that page.
 */
public interface AfterLogin {

    void loggedIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response);
}
