package io.sparkfeed.shop;

import io.sparkfeed.platform.UserFacingException;

/** The order is not what its buyer confirmed any more (a price or the cart changed): confirm again. */
public class PriceChangedException extends UserFacingException {

    public PriceChangedException() {
        super("shop.price.changed");
    }
}
