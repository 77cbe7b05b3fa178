package io.sparkfeed.shop.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.shop.OrderStatus;
import io.sparkfeed.shop.Orders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins mark orders shipped, then delivered; each change is audited. The filter chain keeps /admin/** to admins,
 * and the class says so again, so a mapping moved out of /admin stays closed.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminOrderController {

    private final Orders orders;

    AdminOrderController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/admin/orders")
    String list(Model model) {
        model.addAttribute("orders", orders.recent(200));
        return "admin/orders";
    }

    @PostMapping("/admin/orders/{id}/shipped")
    String shipped(
            @PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin, RedirectAttributes redirect) {
        return advance(id, admin, OrderStatus.SHIPPED, redirect);
    }

    @PostMapping("/admin/orders/{id}/delivered")
    String delivered(
            @PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin, RedirectAttributes redirect) {
        return advance(id, admin, OrderStatus.DELIVERED, redirect);
    }

    private String advance(long id, AccountPrincipal admin, OrderStatus to, RedirectAttributes redirect) {
        try {
            orders.advance(admin.id(), id, to);
            redirect.addFlashAttribute("notice", "shop.admin.updated");
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/admin/orders";
    }
}
