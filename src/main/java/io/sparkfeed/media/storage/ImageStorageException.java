package io.sparkfeed.media.storage;

/**
 * The store could not be reached or refused a file: a full disk, an object store that is down or misconfigured.
 * Nothing half-written is visible: a file is stored whole or not at all, and a row points at files only once they
 * are all stored.
 */
public class ImageStorageException extends RuntimeException {

    public ImageStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
