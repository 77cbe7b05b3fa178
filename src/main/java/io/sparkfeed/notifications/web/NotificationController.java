package io.sparkfeed.notifications.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.notifications.NotificationView;
import io.sparkfeed.notifications.Notifications;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in account's notifications, newest first. Opening the page changes nothing (a GET never writes);
 * its button marks them read.
 */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        List<NotificationView> latest = notifications.latest(me.id(), 100);
        model.addAttribute("notifications", latest);
        model.addAttribute("unread", latest.stream().anyMatch(NotificationView::unread));
        model.addAttribute(
                "newestId",
                latest.stream().mapToLong(NotificationView::id).max().orElse(0));
        return "notifications/list";
    }

    /** Marks read what the page showed: up to its newest notification ({@code upTo}, a notification id). */
    @PostMapping("/notifications/read")
    String markRead(
            @AuthenticationPrincipal AccountPrincipal me, @RequestParam(name = "upTo", defaultValue = "") String upTo) {
        if (!upTo.isEmpty() && upTo.length() <= 18 && upTo.chars().allMatch(c -> c >= '0' && c <= '9')) {
            notifications.markRead(me.id(), Long.parseLong(upTo));
        }
        return "redirect:/notifications";
    }
}
