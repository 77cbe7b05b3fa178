package io.sparkfeed.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; Spring Security handles the POST. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(name = "wait", required = false) String wait, Model model) {
        model.addAttribute("waitSeconds", seconds(wait));
        return "accounts/login";
    }

    /** The wait the throttle named, from the redirect's query: a small whole number, else a minute. */
    private static long seconds(String wait) {
        if (wait == null || wait.isEmpty() || wait.length() > 5 || !wait.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 60;
        }
        return Math.max(1, Long.parseLong(wait));
    }
}
