package io.sparkfeed.accounts.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the POST. */
@Controller
class LoginController {

    private final long lockoutMinutes;

    LoginController(@Value("${sparkfeed.security.login.lockout:15m}") java.time.Duration lockout) {
        this.lockoutMinutes = Math.max(1, lockout.toMinutes());
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockoutMinutes", lockoutMinutes);
        return "accounts/login";
    }
}
