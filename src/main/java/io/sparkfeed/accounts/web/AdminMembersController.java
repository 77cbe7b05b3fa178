package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountKind;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.Memberships;
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

/**
 * Admins grant and end Prime memberships, verify the accounts that signed up as brands (or decline them), and
 * change an account's kind; each change is audited with its reason.
 */
@Controller
@RequestMapping("/admin/members")
@PreAuthorize("hasRole('ADMIN')")
class AdminMembersController {

    private final Accounts accounts;
    private final Memberships memberships;

    AdminMembersController(Accounts accounts, Memberships memberships) {
        this.accounts = accounts;
        this.memberships = memberships;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean brandRequests,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("brandRequests", brandRequests);
        model.addAttribute("members", brandRequests ? accounts.brandRequests(100) : accounts.listForAdmin(q, 100));
        return "admin/members";
    }

    @PostMapping("/{id}/grant")
    String grant(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int days,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String q,
            RedirectAttributes redirect) {
        return act(
                redirect,
                q,
                "admin.members.granted",
                reason,
                () -> memberships.grant(admin.id(), id, days, reason.strip()));
    }

    @PostMapping("/{id}/end")
    String end(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String q,
            RedirectAttributes redirect) {
        return act(redirect, q, "admin.members.ended", reason, () -> memberships.end(admin.id(), id, reason.strip()));
    }

    @PostMapping("/{id}/kind")
    String kind(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @RequestParam AccountKind kind,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String q,
            RedirectAttributes redirect) {
        return act(
                redirect,
                q,
                "admin.members.kindChanged",
                reason,
                () -> accounts.changeKind(admin.id(), id, kind, reason.strip()));
    }

    private String act(RedirectAttributes redirect, String q, String done, String reason, Runnable action) {
        AdminActions.act(redirect, reason, done, action);
        redirect.addAttribute("q", q);
        return "redirect:/admin/members";
    }
}
