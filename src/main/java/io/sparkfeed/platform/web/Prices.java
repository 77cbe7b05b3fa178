package io.sparkfeed.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats amounts of money the way the reader's language writes them, for every template
 * ({@code ${@prices.format(price, currency)}}): 1,234.50 USD in English, 1 234,50 USD in French. Two decimals,
 * rounded half up; the locale is the one the request resolved ({@code ?lang=}, cookie or Accept-Language).
 */
@Component("prices")
public class Prices {

    /** The amount and its currency code, e.g. {@code 1,234.50 USD}. */
    public String format(BigDecimal amount, String currency) {
        return amount(amount) + " " + currency;
    }

    /** The amount alone, e.g. {@code 1,234.50}; empty for no amount. */
    public String amount(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return format(LocaleContextHolder.getLocale()).format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    private static DecimalFormat format(Locale locale) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
