package io.sparkfeed.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Instance-wide settings under {@code sparkfeed.*}.
 *
 * @param dataDir where the embedded database and uploaded images live
 * @param demoData whether a first start loads the demo accounts, products and posts
 */
@ConfigurationProperties("sparkfeed")
public record SparkfeedProperties(Path dataDir, DemoData demoData) {

    public SparkfeedProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (demoData == null) {
            demoData = new DemoData(true);
        }
    }

    public record DemoData(boolean enabled) {}
}
