package io.sparkfeed.shop.web;

import io.sparkfeed.platform.StrictNumbers;

/** Reads an attribution post id from a request parameter: a positive number, or null. */
final class PostIds {

    /**
     * {@code via} of the Buy now and Add to cart buttons on a post's hotspot card (and its list of tagged products):
     * pressing one counts as opening the product card, which the product page counts otherwise.
     */
    static final String FROM_CARD = "card";

    private PostIds() {}

    static Long parse(String value) {
        return StrictNumbers.parseLong(value == null ? null : value.strip())
                .filter(id -> id > 0)
                .orElse(null);
    }
}
