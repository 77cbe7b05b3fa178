package io.sparkfeed.shop;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the buyer saw on the confirmation page or the cart, as a short fingerprint the form sends back: each line's
 * product, quantity, price and currency. Placing the order computes it again from the catalog; when it differs
 * (an admin changed a price, the cart changed in another tab), nothing is charged and the buyer confirms again.
 */
public final class Quote {

    public static final int LENGTH = 64;

    private Quote() {}

    /** One line of a quote. */
    public record Line(long productId, int quantity, BigDecimal price, String currency) {}

    public static String of(List<Line> lines) {
        List<String> parts = new ArrayList<>();
        for (Line line : lines) {
            parts.add(line.productId() + "x" + line.quantity() + "@"
                    + line.price().stripTrailingZeros().toPlainString() + line.currency());
        }
        parts.sort(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(";", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The quote of one product bought now, as the confirmation page shows it. */
    public static String single(long productId, int quantity, BigDecimal price, String currency) {
        return of(List.of(new Line(productId, quantity, price, currency)));
    }
}
