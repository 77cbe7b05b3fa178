package io.sparkfeed.shop.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.billing.Payments;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductView;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.shop.Checkout;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.shop.PostStats;
import io.sparkfeed.shop.PriceChangedException;
import io.sparkfeed.shop.Purchase;
import io.sparkfeed.shop.Quote;
import io.sparkfeed.shop.ShippingAddresses;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Buy now": the Buy button of a product page or a hotspot card is a GET to the confirmation page (so a visitor
 * comes back to it after logging in), and one POST places the order. The price and total shown are the catalog's; the
 * form sends back their {@link Quote}, and the POST places the order only at those prices: a price changed meanwhile
 * brings the buyer back here to confirm the new one.
 */
@Controller
class CheckoutController {

    private final Catalog catalog;
    private final Orders orders;
    private final ShippingAddresses addresses;
    private final Payments payments;

    private final PostStats stats;

    CheckoutController(
            Catalog catalog, Orders orders, ShippingAddresses addresses, Payments payments, PostStats stats) {
        this.catalog = catalog;
        this.orders = orders;
        this.addresses = addresses;
        this.payments = payments;
        this.stats = stats;
    }

    @GetMapping("/checkout")
    String confirm(
            @RequestParam long product,
            @RequestParam(defaultValue = "1") int quantity,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String via,
            @AuthenticationPrincipal AccountPrincipal buyer,
            Model model,
            RedirectAttributes redirect) {
        ProductView item = catalog.get(product);
        Long post = PostIds.parse(from);
        // Buy now pressed on the hotspot card itself: the card was opened, as when its product page is
        if (post != null && PostIds.FROM_CARD.equals(via)) {
            stats.cardOpened(post, product);
        }
        if (!item.available()) {
            redirect.addFlashAttribute("problem", "shop.soldOut");
            return "redirect:/products/" + product;
        }
        return page(
                model,
                item,
                quantity,
                post,
                AddressForm.of(addresses.of(buyer.id()).orElse(null)),
                "invoice",
                UUID.randomUUID().toString());
    }

    @PostMapping("/checkout")
    String place(
            @RequestParam long product,
            @RequestParam int quantity,
            @RequestParam(required = false) String from,
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
            return page(model, catalog.get(product), quantity, PostIds.parse(from), address, method, key);
        }
        try {
            long id = orders.place(
                    buyer.id(),
                    List.of(new Purchase(product, quantity, PostIds.parse(from))),
                    new Checkout(address.address(), method, key, quote));
            redirect.addFlashAttribute("notice", "shop.order.placed");
            return "redirect:/orders/" + id;
        } catch (PriceChangedException changed) {
            // back to the confirmation page, which shows today's price, to confirm again
            redirect.addFlashAttribute("problem", changed.messageKey());
            redirect.addAttribute("product", product);
            redirect.addAttribute("quantity", quantity);
            if (PostIds.parse(from) != null) {
                redirect.addAttribute("from", PostIds.parse(from));
            }
            return "redirect:/checkout";
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
            return "redirect:/products/" + product;
        }
    }

    private String page(
            Model model, ProductView item, int quantity, Long from, AddressForm address, String method, String key) {
        int q = Math.max(1, Math.min(quantity, 99));
        model.addAttribute("item", item);
        model.addAttribute("quantity", q);
        model.addAttribute("from", from);
        model.addAttribute("total", item.price().multiply(BigDecimal.valueOf(q)));
        model.addAttribute("quote", Quote.single(item.id(), q, item.price(), item.currency()));
        model.addAttribute("address", address);
        model.addAttribute("methods", payments.methods());
        model.addAttribute("method", payments.supports(method) ? method : "invoice");
        // the same key again after a correction, so a replay of the corrected form still finds one order
        model.addAttribute(
                "key", key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
        return "shop/checkout";
    }
}
