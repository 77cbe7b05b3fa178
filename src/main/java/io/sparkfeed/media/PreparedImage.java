package io.sparkfeed.media;

import io.sparkfeed.media.Derivatives.Rendition;

/**
 * An upload checked and turned into its derivatives (or found already stored), ready for
 * {@link Images#store(PreparedImage)} to write in a short transaction. Made outside any transaction: decoding
 * holds no database connection.
 */
public final class PreparedImage {

    private final String key;
    private final String contentType;
    private final long bytes;
    private final Rendition rendition;

    PreparedImage(String key, String contentType, long bytes, Rendition rendition) {
        this.key = key;
        this.contentType = contentType;
        this.bytes = bytes;
        this.rendition = rendition;
    }

    String key() {
        return key;
    }

    String contentType() {
        return contentType;
    }

    long bytes() {
        return bytes;
    }

    /** Null when the same bytes were already stored: nothing was decoded. */
    Rendition rendition() {
        return rendition;
    }
}
