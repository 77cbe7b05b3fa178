package io.sparkfeed.notifications.web;

import io.sparkfeed.notifications.MailPreferences;
import io.sparkfeed.notifications.NotificationKind;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one-click unsubscribe of notification mails (RFC 8058). Opening the link shows what it stops and a button;
 * the button, or a mail client's own POST of {@code List-Unsubscribe=One-Click} to the same address, turns the mails
 * off. Neither needs a session or opens one: the signed token in the link names the account and what to stop, and
 * the POST is exempt from CSRF (a mail client has no token; the worst a forged one does is what the link itself
 * says). It answers with the page rather than a redirect, so a mail client's POST gets a plain 200.
 */
@Controller
class UnsubscribeController {

    private final MailPreferences preferences;

    UnsubscribeController(MailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/unsubscribe")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<String> scope = preferences.unsubscribeScope(token);
        if (scope.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("outcome", "invalid");
            return "notifications/unsubscribe";
        }
        model.addAttribute("outcome", "confirm");
        model.addAttribute("token", token);
        model.addAttribute("scope", scope.get());
        model.addAttribute("kind", NotificationKind.of(scope.get()).orElse(null));
        return "notifications/unsubscribe";
    }

    @PostMapping("/unsubscribe")
    String unsubscribe(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "false") boolean all,
            Model model,
            HttpServletResponse response) {
        if (!preferences.unsubscribe(token, all)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("outcome", "invalid");
            return "notifications/unsubscribe";
        }
        model.addAttribute("outcome", "done");
        return "notifications/unsubscribe";
    }
}
