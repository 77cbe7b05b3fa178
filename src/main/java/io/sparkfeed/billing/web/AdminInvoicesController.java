package io.sparkfeed.billing.web;

import io.sparkfeed.billing.InvoiceView;
import io.sparkfeed.billing.Invoices;
import io.sparkfeed.billing.PaymentStatus;
import io.sparkfeed.platform.UserFacingException;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins settle invoices: paid when the money arrived (the Prime period or order it paid for is granted), void when
 * it never will (what it bought is called off). Newest first, filtered by status, keyset-paged by id; each change
 * is audited. The filter chain keeps /admin/** to admins, and the class says so again. The admin's id is read from
 * the principal by name, so billing does not depend on the accounts module (which depends on billing).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminInvoicesController {

    static final int PAGE = 50;

    private final Invoices invoices;

    AdminInvoicesController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/admin/invoices")
    String list(
            @RequestParam(defaultValue = "OWED") String status,
            @RequestParam(required = false) Long before,
            Model model) {
        PaymentStatus filter = Arrays.stream(PaymentStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElse(null);
        List<InvoiceView> page = invoices.list(filter, before, PAGE);
        model.addAttribute("invoices", page);
        model.addAttribute("statuses", PaymentStatus.values());
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute(
                "next", page.size() == PAGE ? page.get(page.size() - 1).id() : null);
        return "admin/invoices";
    }

    @PostMapping("/admin/invoices/{id}/paid")
    String paid(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "OWED") String status,
            @AuthenticationPrincipal(expression = "id") long admin,
            RedirectAttributes redirect) {
        return settle(redirect, status, "admin.invoices.markedPaid", () -> invoices.markPaid(admin, id, note));
    }

    @PostMapping("/admin/invoices/{id}/void")
    String voided(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "OWED") String status,
            @AuthenticationPrincipal(expression = "id") long admin,
            RedirectAttributes redirect) {
        return settle(redirect, status, "admin.invoices.markedVoid", () -> invoices.markVoid(admin, id, reason));
    }

    private static String settle(RedirectAttributes redirect, String status, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        // back to the list the admin was on (an unknown status shows all)
        redirect.addAttribute("status", status.length() > 10 ? "" : status);
        return "redirect:/admin/invoices";
    }
}
