package io.sparkfeed.moderation.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.moderation.Moderation;
import io.sparkfeed.moderation.QueuePage;
import io.sparkfeed.moderation.ReportOutcome;
import io.sparkfeed.moderation.ReportTarget;
import io.sparkfeed.platform.AdminActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report queue, paged: oldest or newest first, one row per reported item; an admin resolves an item with a
 * reason.
 */
@Controller
@RequestMapping("/admin/reports")
@PreAuthorize("hasRole('ADMIN')")
class AdminReportsController {

    private final Moderation moderation;

    AdminReportsController(Moderation moderation) {
        this.moderation = moderation;
    }

    /** Items on a page of the queue. */
    static final int PAGE = 50;

    /**
     * A page of the queue: oldest first, or newest first with {@code order=newest}; {@code after} is the position
     * the Next link carries.
     */
    @GetMapping
    String queue(
            @RequestParam(defaultValue = "oldest") String order,
            @RequestParam(required = false) QueuePage.Position after,
            Model model) {
        boolean newest = "newest".equals(order);
        QueuePage page = moderation.queue(newest, after, PAGE);
        model.addAttribute("items", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("order", newest ? "newest" : "oldest");
        return "admin/reports";
    }

    @PostMapping("/resolve")
    String resolve(
            @AuthenticationPrincipal AccountPrincipal admin,
            @RequestParam ReportTarget target,
            @RequestParam long id,
            @RequestParam ReportOutcome outcome,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect,
                reason,
                "admin.reports.resolved",
                () -> moderation.resolve(admin.id(), target, id, outcome, reason.strip()));
        return "redirect:/admin/reports";
    }
}
