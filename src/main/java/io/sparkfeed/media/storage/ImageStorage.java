package io.sparkfeed.media.storage;

import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * Where the JPEG derivatives of an image live, one file per key and width. The filesystem by default; an
 * object store would be another implementation. Keys are checked by the callers and again here: they end up
 * in paths.
 */
public interface ImageStorage {

    /** Stores the file whole or not at all: a reader never sees half of it. */
    void put(String key, int width, byte[] jpeg);

    Optional<Resource> open(String key, int width);

    boolean exists(String key, int width);

    /** Does nothing when the file is already gone. */
    void delete(String key, int width);
}
