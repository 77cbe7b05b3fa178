package io.sparkfeed.shop.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.billing.PaymentMethodOption;
import io.sparkfeed.billing.Payments;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.shop.OrderDetails;
import io.sparkfeed.shop.Orders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The buyer's orders: the list, one order as paid, and cancelling one that has not shipped. */
@Controller
class OrderController {

    private final Orders orders;
    private final Payments payments;

    OrderController(Orders orders, Payments payments) {
        this.orders = orders;
        this.payments = payments;
    }

    @GetMapping("/orders")
    String list(@AuthenticationPrincipal AccountPrincipal buyer, Model model) {
        model.addAttribute("orders", orders.list(buyer.id()));
        return "shop/orders";
    }

    @GetMapping("/orders/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal buyer, Model model) {
        OrderDetails order = orders.get(buyer.id(), id);
        model.addAttribute("order", order);
        // a gateway removed since the order was paid has no label any more: its name is shown instead
        model.addAttribute(
                "paymentLabel",
                payments.methods().stream()
                        .filter(m -> m.method().equals(order.paymentMethod()))
                        .map(PaymentMethodOption::labelKey)
                        .findFirst()
                        .orElse(null));
        return "shop/order";
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal buyer, RedirectAttributes redirect) {
        try {
            orders.cancel(buyer.id(), id);
            redirect.addFlashAttribute("notice", "shop.order.cancelled");
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/orders/" + id;
    }
}
