package io.sparkfeed.moderation.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.moderation.EnthusiastReview;
import io.sparkfeed.platform.AdminActions;
import io.sparkfeed.platform.AdminActions.Named;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins review enthusiast applications and suspend, reinstate or revoke enthusiasts, each with a reason. */
@Controller
@RequestMapping("/admin/enthusiasts")
@PreAuthorize("hasRole('ADMIN')")
class AdminEnthusiastsController {

    private static final String BACK = "redirect:/admin/enthusiasts";

    private final EnthusiastReview review;

    private final Map<String, Named> onApplications;
    private final Map<String, Named> onEnthusiasts;

    AdminEnthusiastsController(EnthusiastReview review) {
        this.review = review;
        this.onApplications = Map.of(
                "approve", new Named("admin.enthusiasts.approved", review::approve),
                "decline", new Named("admin.enthusiasts.declined", review::decline));
        this.onEnthusiasts = Map.of(
                "reinstate", new Named("admin.enthusiasts.reinstated", review::reinstate),
                "revoke", new Named("admin.enthusiasts.revoked", review::revoke));
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("applications", review.pending());
        model.addAttribute("members", review.members());
        return "admin/enthusiasts";
    }

    @PostMapping("/applications/{id}/{action:approve|decline}")
    String decide(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(redirect, onApplications, action, admin.id(), id, reason);
        return BACK;
    }

    @PostMapping("/{accountId}/suspend")
    String suspend(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long accountId,
            @RequestParam(defaultValue = "false") boolean hidePosts,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect,
                reason,
                "admin.enthusiasts.suspended",
                () -> review.suspend(admin.id(), accountId, hidePosts, reason.strip()));
        return BACK;
    }

    @PostMapping("/{accountId}/{action:reinstate|revoke}")
    String change(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long accountId,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(redirect, onEnthusiasts, action, admin.id(), accountId, reason);
        return BACK;
    }
}
