package io.sparkfeed.platform;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads numbers from requests, and only the plain ones a form or a link of ours sends: ASCII digits, a bounded
 * number of them and of decimals, nothing negative. No exponent ({@code 1E-10000000} would cost seconds of CPU once
 * compared or rescaled), no hexadecimal, no {@code NaN}, no full-width digits, no blanks. Anything else is refused
 * before it becomes a number, so no arithmetic or lookup ever sees it.
 */
public final class StrictNumbers {

    // no request of ours carries a negative number (ids, sizes, pages, quantities, days, stock)
    private static final Pattern LONG = Pattern.compile("[0-9]{1,18}");
    private static final Pattern INT = Pattern.compile("[0-9]{1,9}");

    private StrictNumbers() {}

    public static Optional<Long> parseLong(String text) {
        return text != null && LONG.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    public static Optional<Integer> parseInt(String text) {
        return text != null && INT.matcher(text).matches() ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    /**
     * A non-negative decimal with at most {@code digits} digits before the point and {@code decimals} after it
     * ({@code 12}, {@code 12.5}, {@code .5}).
     */
    public static Optional<BigDecimal> parseDecimal(String text, int digits, int decimals) {
        if (text == null
                || text.length() > digits + decimals + 1
                || !decimal(digits, decimals).matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }

    private static Pattern decimal(int digits, int decimals) {
        // at least one digit, before or after the point
        return Pattern.compile("(?=\\.?[0-9])[0-9]{0," + digits + "}(\\.[0-9]{0," + decimals + "})?");
    }
}
