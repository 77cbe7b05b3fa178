package io.sparkfeed.shop;

import io.sparkfeed.catalog.ProductCard;
import java.math.BigDecimal;
import java.util.List;

/** The cart with today's catalog prices; the total is what checkout will charge if nothing changes meanwhile. */
public record CartView(List<Line> lines, BigDecimal total, String currency) {

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The fingerprint of these lines at these prices, which placing the cart must match. */
    public String quote() {
        return Quote.of(lines.stream()
                .map(l -> new Quote.Line(
                        l.product().id(),
                        l.quantity(),
                        l.product().price(),
                        l.product().currency()))
                .toList());
    }

    public record Line(long id, ProductCard product, int quantity, Long postId) {

        public BigDecimal lineTotal() {
            return product.price().multiply(BigDecimal.valueOf(quantity));
        }
    }
}
