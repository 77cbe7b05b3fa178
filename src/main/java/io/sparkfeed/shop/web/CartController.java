package io.sparkfeed.shop.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.billing.Payments;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.shop.Cart;
import io.sparkfeed.shop.Checkout;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.shop.PostStats;
import io.sparkfeed.shop.ShippingAddresses;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cart: add from a product page, change quantities, remove lines, and check out the whole cart as one order. */
@Controller
class CartController {

    private final Cart cart;
    private final Orders orders;
    private final ShippingAddresses addresses;
    private final Payments payments;

    private final PostStats stats;

    CartController(Cart cart, Orders orders, ShippingAddresses addresses, Payments payments, PostStats stats) {
        this.cart = cart;
        this.orders = orders;
        this.addresses = addresses;
        this.payments = payments;
        this.stats = stats;
    }

    @GetMapping("/cart")
    String show(@AuthenticationPrincipal AccountPrincipal buyer, Model model) {
        return page(model, buyer, AddressForm.of(addresses.of(buyer.id()).orElse(null)), "invoice");
    }

    @PostMapping("/cart")
    String add(
            @RequestParam long product,
            @RequestParam(defaultValue = "1") int quantity,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String via,
            @AuthenticationPrincipal AccountPrincipal buyer,
            RedirectAttributes redirect) {
        try {
            Long post = PostIds.parse(from);
            cart.add(buyer.id(), product, quantity, post);
            // pressed on the hotspot card itself: the card was opened, as when its product page is
            if (post != null && PostIds.FROM_CARD.equals(via)) {
                stats.cardOpened(post, product);
            }
            redirect.addFlashAttribute("notice", "shop.cart.added");
            return "redirect:/cart";
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
            return "redirect:/products/" + product;
        }
    }

    @PostMapping("/cart/lines/{id}")
    String change(
            @PathVariable long id,
            @RequestParam int quantity,
            @AuthenticationPrincipal AccountPrincipal buyer,
            RedirectAttributes redirect) {
        try {
            cart.change(buyer.id(), id, quantity);
            redirect.addFlashAttribute("notice", "shop.cart.updated");
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/cart";
    }

    @PostMapping("/cart/lines/{id}/remove")
    String remove(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal buyer, RedirectAttributes redirect) {
        cart.remove(buyer.id(), id);
        redirect.addFlashAttribute("notice", "shop.cart.removed");
        return "redirect:/cart";
    }

    @PostMapping("/cart/checkout")
    String checkout(
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String method,
            @RequestParam(defaultValue = "") String quote,
            @Valid @ModelAttribute("address") AddressForm address,
            BindingResult errors,
            @AuthenticationPrincipal AccountPrincipal buyer,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(422);
            if (!key.isBlank()) {
                model.addAttribute("key", key);
            }
            return page(model, buyer, address, method);
        }
        try {
            // placed only as the buyer saw it: a price or a line changed since sends them back to the cart
            long id = orders.placeCart(buyer.id(), new Checkout(address.address(), method, key, quote));
            redirect.addFlashAttribute("notice", "shop.order.placed");
            return "redirect:/orders/" + id;
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
            return "redirect:/cart";
        }
    }

    private String page(Model model, AccountPrincipal buyer, AddressForm address, String method) {
        model.addAttribute("cart", cart.view(buyer.id()));
        model.addAttribute("address", address);
        model.addAttribute("methods", payments.methods());
        model.addAttribute("method", payments.supports(method) ? method : "invoice");
        if (!model.containsAttribute("key")) {
            model.addAttribute("key", UUID.randomUUID().toString());
        }
        return "shop/cart";
    }
}
