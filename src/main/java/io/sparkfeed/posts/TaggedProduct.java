package io.sparkfeed.posts;

import io.sparkfeed.catalog.ProductCard;
import java.math.BigDecimal;

/** A product tag of a post: where on the photo (fractions, as percentages for the page) and which product. */
public record TaggedProduct(int position, BigDecimal x, BigDecimal y, ProductCard product) {

    public String left() {
        return x.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    public String top() {
        return y.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
