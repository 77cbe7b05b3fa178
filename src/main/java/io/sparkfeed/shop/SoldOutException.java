package io.sparkfeed.shop;

import io.sparkfeed.platform.UserFacingException;

/** There is not enough stock left for a product of the order; nothing was written and nothing was charged. */
public class SoldOutException extends UserFacingException {

    private final long productId;

    public SoldOutException(long productId) {
        super("shop.soldOut");
        this.productId = productId;
    }

    public long productId() {
        return productId;
    }
}
