package io.sparkfeed.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An upload as it arrived, in a temporary file: copied from the request as it streams, never whole in memory, and
 * at most {@link ImageDecoder#MAX_BYTES} of it (the rest is not read: the upload is too large whatever it holds).
 * Its content key and first bytes are known once it is copied. Closing it deletes the file.
 */
public final class ImageUpload implements AutoCloseable {

    static final int HEAD_BYTES = 128 * 1024;

    private final Path file;
    private final long size;
    private final boolean tooLarge;
    private final String key;
    private final byte[] head;

    private ImageUpload(Path file, long size, boolean tooLarge, String key, byte[] head) {
        this.file = file;
        this.size = size;
        this.tooLarge = tooLarge;
        this.key = key;
        this.head = head;
    }

    /** Copies the stream into a new file of {@code directory}, hashing it on the way. */
    static ImageUpload copy(InputStream in, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "upload-", ".part");
        try {
            MessageDigest sha256 = sha256();
            byte[] head = new byte[HEAD_BYTES];
            int headLength = 0;
            long size = 0;
            boolean tooLarge = false;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    if (size + read > ImageDecoder.MAX_BYTES) {
                        tooLarge = true;
                        break;
                    }
                    int toHead = Math.min(read, HEAD_BYTES - headLength);
                    System.arraycopy(buffer, 0, head, headLength, toHead);
                    headLength += toHead;
                    out.write(buffer, 0, read);
                    size += read;
                }
            }
            String key = HexFormat.of().formatHex(sha256.digest()).substring(0, Images.KEY_LENGTH);
            return new ImageUpload(file, size, tooLarge, key, Arrays.copyOf(head, headLength));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public boolean empty() {
        return size == 0 && !tooLarge;
    }

    long size() {
        return size;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    String key() {
        return key;
    }

    /** The first bytes of the file (up to {@link #HEAD_BYTES}): magic numbers, and a JPEG's EXIF segment. */
    byte[] head() {
        return head;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the upload " + file, e);
        }
    }
}
