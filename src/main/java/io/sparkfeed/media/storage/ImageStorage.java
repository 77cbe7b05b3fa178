package io.sparkfeed.media.storage;

import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * Where the JPEG derivatives of an image live, one file per key and width: the data folder by default
 * ({@link FileSystemImageStorage}), or an S3-compatible bucket ({@link S3ImageStorage}), chosen by
 * {@code sparkfeed.media.storage}. Keys are checked by the callers and again here: they end up in paths.
 * Every method throws {@link ImageStorageException} when the store cannot be reached.
 */
public interface ImageStorage {

    /** Stores the file whole or not at all: a reader never sees half of it. */
    void put(String key, int width, byte[] jpeg);

    /** The file, ready to be read once; empty when there is no such file. */
    Optional<Resource> open(String key, int width);

    boolean exists(String key, int width);

    /** Does nothing when the file is already gone. */
    void delete(String key, int width);
}
