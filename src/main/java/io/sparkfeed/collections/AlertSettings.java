package io.sparkfeed.collections;

/**
 * How a person hears about what they saved: the drop in percent that makes an alert (default 10), and whether
 * alerts also come by mail (off by default), in {@code language}.
 */
public record AlertSettings(int thresholdPercent, boolean email, String language) {

    public static final int DEFAULT_THRESHOLD = 10;
    public static final int MIN_THRESHOLD = 1;
    public static final int MAX_THRESHOLD = 90;

    public static AlertSettings defaults() {
        return new AlertSettings(DEFAULT_THRESHOLD, false, "en");
    }
}
