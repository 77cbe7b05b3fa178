package io.sparkfeed.shop;

import java.math.BigDecimal;
import java.time.Instant;

/** One of an author's posts with what it brought over the last 7 days, 30 days and in total. */
public record PostStatsRow(long postId, String caption, Instant createdAt, Window week, Window month, Window total) {

    /** Views, product-card opens, orders and revenue credited to the post over one period. */
    public record Window(long views, long cardOpens, long orders, BigDecimal revenue) {}
}
