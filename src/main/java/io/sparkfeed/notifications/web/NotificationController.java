package io.sparkfeed.notifications.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.notifications.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in account's notifications, newest first; opening the page marks them read. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("notifications", notifications.readLatest(me.id(), 100));
        return "notifications/list";
    }
}
