package io.sparkfeed.posts;

import io.sparkfeed.catalog.ProductCard;
import java.math.BigDecimal;

/**
 * A product tag of a post: where on the photo (fractions of its size) and which product; {@code boughtByViewer}
 * when the viewer bought it in the last 90 days; {@code boughtByAuthor} ("Bought here") when the post's author bought it
 * through Sparkfeed (see {@link OwnerBadges}).
 */
public record TaggedProduct(
        int position, BigDecimal x, BigDecimal y, ProductCard product, boolean boughtByViewer, boolean boughtByAuthor) {

    public String left() {
        return x.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    public String top() {
        return y.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
