package io.sparkfeed.moderation.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.moderation.Moderation;
import io.sparkfeed.platform.AdminActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Takedowns (hide and restore a post or a comment) and suspensions, each with a reason. */
@Controller
@RequestMapping("/admin/moderation")
@PreAuthorize("hasRole('ADMIN')")
class AdminModerationController {

    private final Moderation moderation;

    AdminModerationController(Moderation moderation) {
        this.moderation = moderation;
    }

    @PostMapping("/posts/{id}/hide")
    String hidePost(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect,
                reason,
                "admin.moderation.postHidden",
                () -> moderation.hidePost(admin.id(), id, reason.strip()));
        return "redirect:/posts/" + id;
    }

    @PostMapping("/posts/{id}/restore")
    String restorePost(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect,
                reason,
                "admin.moderation.postRestored",
                () -> moderation.restorePost(admin.id(), id, reason.strip()));
        return "redirect:/posts/" + id;
    }

    @PostMapping("/comments/{id}/hide")
    String hideComment(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam long post,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect,
                reason,
                "admin.moderation.commentHidden",
                () -> moderation.hideComment(admin.id(), id, reason.strip()));
        return "redirect:/posts/" + post + "#comments";
    }

    @PostMapping("/comments/{id}/restore")
    String restoreComment(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam long post,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect,
                reason,
                "admin.moderation.commentRestored",
                () -> moderation.restoreComment(admin.id(), id, reason.strip()));
        return "redirect:/posts/" + post + "#comments";
    }

    @PostMapping("/accounts/{id}/suspend")
    String suspend(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String q,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect,
                reason,
                "admin.moderation.suspended",
                () -> moderation.suspend(admin.id(), id, reason.strip()));
        redirect.addAttribute("q", q);
        return "redirect:/admin/members";
    }

    @PostMapping("/accounts/{id}/reinstate")
    String reinstate(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String q,
            RedirectAttributes redirect) {
        AdminActions.act(
                redirect,
                reason,
                "admin.moderation.reinstated",
                () -> moderation.reinstate(admin.id(), id, reason.strip()));
        redirect.addAttribute("q", q);
        return "redirect:/admin/members";
    }
}
