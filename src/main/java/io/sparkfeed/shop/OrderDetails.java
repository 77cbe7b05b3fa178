package io.sparkfeed.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as its page shows it: the lines with the prices as paid, the address and the payment. */
public record OrderDetails(
        long id,
        long accountId,
        OrderStatus status,
        BigDecimal total,
        String currency,
        ShippingAddress address,
        String paymentMethod,
        String paymentReference,
        Instant createdAt,
        List<Line> lines,
        boolean paid) {

    public boolean cancellable() {
        return status == OrderStatus.PLACED;
    }

    /** Placed and not paid yet: it expires if it stays unpaid. */
    public boolean awaitingPayment() {
        return status == OrderStatus.PLACED && !paid;
    }

    /** A product as bought: title and unit price copied at purchase time. */
    public record Line(long productId, String title, BigDecimal price, int quantity, Long postId) {

        public BigDecimal lineTotal() {
            return price.multiply(BigDecimal.valueOf(quantity));
        }
    }
}
