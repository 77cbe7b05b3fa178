package io.sparkfeed.accounts;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prime offer of this instance, under {@code sparkfeed.prime.*}.
 *
 * @param trialDays length of the free trial
 * @param paidDays  length of one paid period
 * @param price     price of one paid period
 * @param currency  ISO code of the price
 */
@ConfigurationProperties("sparkfeed.prime")
public record PrimeProperties(
        @DefaultValue("30") int trialDays,
        @DefaultValue("365") int paidDays,
        @DefaultValue("139.00") BigDecimal price,
        @DefaultValue("USD") String currency) {}
