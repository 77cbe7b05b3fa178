package io.sparkfeed.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Finds a file that is an image and something else too: a web page (a browser sniffing the bytes would run its
 * script) or a ZIP archive (read from its end, so it survives after the image's last byte). We never serve the
 * upload itself, only JPEGs we encode, but a file made to be two things is no photo a person took: it is refused.
 */
final class Polyglots {

    /** Tags a browser treats as HTML; none of them appears in a photo's metadata (XMP is {@code <x:xmpmeta>}). */
    private static final List<byte[]> HTML =
            List.of("<html", "<script", "<!doctype", "<body", "<iframe", "<svg", "<head").stream()
                    .map(tag -> tag.getBytes(StandardCharsets.US_ASCII))
                    .toList();

    private static final int LONGEST_TAG = 9;
    /** A ZIP's end-of-central-directory record: 22 bytes and a comment of up to 65535. */
    private static final int ZIP_END = 22;

    private static final int ZIP_END_SEARCH = ZIP_END + 65_535;

    private Polyglots() {}

    static boolean found(Path file, long size) {
        try {
            return html(file) || zip(file, size);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload " + file, e);
        }
    }

    private static boolean html(Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int kept = 0; // the end of the previous block, for a tag split between two reads
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer, kept, buffer.length - kept)) != -1) {
                int length = kept + read;
                if (contains(buffer, length)) {
                    return true;
                }
                kept = Math.min(LONGEST_TAG - 1, length);
                System.arraycopy(buffer, length - kept, buffer, 0, kept);
            }
        }
        return false;
    }

    private static boolean contains(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != '<') {
                continue;
            }
            for (byte[] tag : HTML) {
                if (i + tag.length <= length && matches(bytes, i, tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(byte[] bytes, int at, byte[] tag) {
        for (int j = 0; j < tag.length; j++) {
            int b = bytes[at + j];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != tag[j]) {
                return false;
            }
        }
        return true;
    }

    /** An end-of-central-directory record whose comment ends exactly at the end of the file. */
    private static boolean zip(Path file, long size) throws IOException {
        int tail = (int) Math.min(size, ZIP_END_SEARCH);
        ByteBuffer bytes = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(size - tail);
            while (bytes.hasRemaining() && channel.read(bytes) != -1) {
                // keep reading
            }
        }
        for (int at = tail - ZIP_END; at >= 0; at--) {
            if (bytes.get(at) == 'P'
                    && bytes.get(at + 1) == 'K'
                    && bytes.get(at + 2) == 5
                    && bytes.get(at + 3) == 6
                    && (bytes.getShort(at + 20) & 0xFFFF) == tail - ZIP_END - at) {
                return true;
            }
        }
        return false;
    }
}
