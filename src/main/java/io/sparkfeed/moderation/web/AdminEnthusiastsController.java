package io.sparkfeed.moderation.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.moderation.EnthusiastReview;
import io.sparkfeed.platform.AdminActions;
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

    AdminEnthusiastsController(EnthusiastReview review) {
        this.review = review;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("applications", review.pending());
        model.addAttribute("members", review.members());
        return "admin/enthusiasts";
    }

    @PostMapping("/applications/{id}/approve")
    String approve(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect, reason, "admin.enthusiasts.approved", () -> review.approve(admin.id(), id, reason.strip()));
        return BACK;
    }

    @PostMapping("/applications/{id}/decline")
    String decline(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect, reason, "admin.enthusiasts.declined", () -> review.decline(admin.id(), id, reason.strip()));
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

    @PostMapping("/{accountId}/reinstate")
    String reinstate(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long accountId,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect,
                reason,
                "admin.enthusiasts.reinstated",
                () -> review.reinstate(admin.id(), accountId, reason.strip()));
        return BACK;
    }

    @PostMapping("/{accountId}/revoke")
    String revoke(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long accountId,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect,
                reason,
                "admin.enthusiasts.revoked",
                () -> review.revoke(admin.id(), accountId, reason.strip()));
        return BACK;
    }
}
