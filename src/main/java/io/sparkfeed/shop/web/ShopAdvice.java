package io.sparkfeed.shop.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Puts the post a product page was opened from ({@code attribution}, from {@code ?from=}; null when absent or not a
 * number) in the model, so the buy forms of the product page carry it on to the order or the cart.
 */
@ControllerAdvice
class ShopAdvice {

    @ModelAttribute("attribution")
    Long attribution(@RequestParam(name = "from", required = false) String from) {
        return PostIds.parse(from);
    }
}
