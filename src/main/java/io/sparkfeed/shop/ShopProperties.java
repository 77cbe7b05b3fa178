package io.sparkfeed.shop;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop's payment rules, under {@code sparkfeed.shop.*}.
 *
 * @param maxUnpaidOrders orders an account may have placed and not paid at once
 * @param unpaidOrderTtl  how long an unpaid order holds its stock before it expires
 * @param releaseInterval how often expired orders are looked for
 * @param scheduledRelease whether that look is scheduled at all (tests run it themselves)
 */
@ConfigurationProperties("sparkfeed.shop")
public record ShopProperties(
        @DefaultValue("3") int maxUnpaidOrders,
        @DefaultValue("7d") Duration unpaidOrderTtl,
        @DefaultValue("1h") Duration releaseInterval,
        @DefaultValue("true") boolean scheduledRelease) {}
