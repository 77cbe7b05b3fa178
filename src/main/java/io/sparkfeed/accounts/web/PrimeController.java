package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.Memberships;
import io.sparkfeed.accounts.PaidMembership;
import io.sparkfeed.billing.Payments;
import io.sparkfeed.platform.UserFacingException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What Prime is, and how to start the free trial or join paid Prime. */
@Controller
class PrimeController {

    private final Memberships memberships;
    private final Payments payments;

    PrimeController(Memberships memberships, Payments payments) {
        this.memberships = memberships;
        this.payments = payments;
    }

    @GetMapping("/prime")
    String prime(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        model.addAttribute("offer", memberships.offer());
        model.addAttribute("paymentMethods", payments.methods());
        if (principal != null) {
            model.addAttribute("status", memberships.status(principal.id()).orElse(null));
            model.addAttribute("trialUsed", memberships.trialUsed(principal.id()));
            model.addAttribute("pending", memberships.pending(principal.id()).orElse(null));
        }
        return "accounts/prime";
    }

    @PostMapping("/prime/trial")
    String startTrial(@AuthenticationPrincipal AccountPrincipal principal, RedirectAttributes redirect) {
        try {
            memberships.startTrial(principal.id());
            redirect.addFlashAttribute("notice", "prime.trial.started");
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/prime";
    }

    @PostMapping("/prime/join")
    String join(
            @AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam String method,
            RedirectAttributes redirect) {
        try {
            PaidMembership paid = memberships.joinPaid(principal.id(), method);
            redirect.addFlashAttribute("notice", paid.pending() ? "prime.pending.started" : "prime.joined");
            redirect.addFlashAttribute("invoiceReference", paid.receipt().reference());
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/prime";
    }
}
