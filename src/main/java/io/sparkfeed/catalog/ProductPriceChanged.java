package io.sparkfeed.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/** A product's price changed (published in the transaction that changed it). */
public record ProductPriceChanged(
        UUID eventId, long productId, BigDecimal oldPrice, BigDecimal newPrice, String currency) {

    /** How much cheaper it became, in whole percent rounded down (0 or less when it did not drop). */
    public int dropPercent() {
        if (oldPrice.signum() <= 0 || newPrice.compareTo(oldPrice) >= 0) {
            return 0;
        }
        return oldPrice.subtract(newPrice)
                .multiply(BigDecimal.valueOf(100))
                .divide(oldPrice, 0, RoundingMode.DOWN)
                .intValue();
    }
}
