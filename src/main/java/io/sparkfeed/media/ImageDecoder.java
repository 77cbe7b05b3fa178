package io.sparkfeed.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decides whether an upload is an image we take, and decodes it. Everything that can be refused cheaply is
 * refused before the pixels are decoded: the size in bytes, the format from the magic numbers, and the
 * dimensions from the header, so a small file that claims 20000x20000 pixels never gets its 1.6 GB allocated.
 */
final class ImageDecoder {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_MEGABYTES = MAX_BYTES / (1024 * 1024);
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_MEGAPIXELS = (int) (MAX_PIXELS / 1_000_000);

    /** The pixels of an upload and how to turn them upright. */
    record Decoded(ImageFormat format, BufferedImage pixels, int orientation) {
    }

    private ImageDecoder() {
    }

    /** The checks that need no decoding: present, not too big, and a format we read. */
    static ImageFormat check(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new ImageRejectedException("image.invalid.empty");
        }
        if (upload.length > MAX_BYTES) {
            throw new ImageRejectedException("image.invalid.tooLarge", MAX_MEGABYTES);
        }
        return ImageFormat.detect(upload).orElseThrow(() -> new ImageRejectedException("image.invalid.type"));
    }

    /** Checks the upload and decodes its first frame; a refusal carries the message key that says why. */
    static Decoded decode(byte[] upload) {
        ImageFormat format = check(upload);
        ImageReader reader = reader(format);
        var truncated = new boolean[1];
        reader.addIIOReadWarningListener((source, warning) -> {
            // the JPEG decoders fill a cut-off file with grey and only warn: for us that file is broken
            String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            if (text.contains("premature end") || text.contains("truncated") || text.contains("missing eoi")) {
                truncated[0] = true;
            }
        });
        // in memory: the upload is already a byte array, and ImageIO's disk cache would only add temporary files
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(input, true, true);
            checkHeader(reader);
            BufferedImage pixels = reader.read(0, reader.getDefaultReadParam());
            if (pixels == null || truncated[0]) {
                throw broken();
            }
            int orientation = format == ImageFormat.JPEG ? ExifOrientation.of(upload) : ExifOrientation.NORMAL;
            return new Decoded(format, pixels, orientation);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRejectedException rejected) {
                throw rejected;
            }
            // third-party decoders fail on hostile input with all kinds of runtime exceptions
            throw broken();
        } finally {
            reader.dispose();
        }
    }

    private static void checkHeader(ImageReader reader) {
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw broken();
        }
        if (width <= 0 || height <= 0) {
            throw broken();
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new ImageRejectedException("image.invalid.tooManyPixels", MAX_MEGAPIXELS);
        }
    }

    private static ImageReader reader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format + ": is TwelveMonkeys on the classpath?");
        }
        return readers.next();
    }

    private static ImageRejectedException broken() {
        return new ImageRejectedException("image.invalid.broken");
    }
}
