package io.sparkfeed.posts;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The posting policy of this instance, under {@code sparkfeed.posting.*}.
 *
 * @param mode            {@code prime-members} or {@code enthusiasts-only}
 * @param allowTrial      whether a Prime trial is enough to post (Amazon Spark said no)
 * @param minimumSpend    lifetime spend on orders an account needs before posting
 * @param maxPostsPerDay  posts an account may publish in any 24 hours
 */
@ConfigurationProperties("sparkfeed.posting")
public record PostingProperties(
        @DefaultValue("prime-members") PostingMode mode,
        @DefaultValue("false") boolean allowTrial,
        @DefaultValue("0") BigDecimal minimumSpend,
        @DefaultValue("20") int maxPostsPerDay) {}
