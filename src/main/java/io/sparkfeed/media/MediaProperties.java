package io.sparkfeed.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on decoding uploads, under {@code sparkfeed.media.*}. A decode holds up to one decoded photo in memory and a
 * core busy for a second or more, so few run at once.
 *
 * @param concurrentDecodes  decodes at once on this instance
 * @param decodesPerAccount  decodes at once for one account (more are refused with 429 at once)
 * @param decodeWait         how long an upload waits for a free decode before the instance answers 503
 */
@ConfigurationProperties("sparkfeed.media")
public record MediaProperties(
        @DefaultValue("2") int concurrentDecodes,
        @DefaultValue("1") int decodesPerAccount,
        @DefaultValue("3s") Duration decodeWait) {}
