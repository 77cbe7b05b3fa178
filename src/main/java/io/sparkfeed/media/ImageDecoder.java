package io.sparkfeed.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether an upload is an image we take, and decodes it. Everything that can be refused cheaply is
 * refused before the pixels are decoded: the size in bytes, the format from the magic numbers, a web page or an
 * archive hidden in the same file, and the dimensions from the header, so a small file that claims 20000x20000
 * pixels never gets its 1.6 GB allocated.
 */
final class ImageDecoder {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_MEGABYTES = MAX_BYTES / (1024 * 1024);
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_MEGAPIXELS = (int) (MAX_PIXELS / 1_000_000);

    /**
     * The pixels of an upload (read at a reduced resolution when the original is far wider than the largest
     * derivative), how to turn them upright, and the upright size of the original.
     */
    record Decoded(ImageFormat format, BufferedImage pixels, int orientation, int width, int height) {}

    private ImageDecoder() {}

    /** The checks that need no decoding: present, not too big, a format we read, and nothing but an image. */
    static ImageFormat check(ImageUpload upload) {
        if (upload == null || upload.empty()) {
            throw new ImageRejectedException("image.invalid.empty");
        }
        if (upload.tooLarge()) {
            throw new ImageRejectedException("image.invalid.tooLarge", MAX_MEGABYTES);
        }
        ImageFormat format =
                ImageFormat.detect(upload.head()).orElseThrow(() -> new ImageRejectedException("image.invalid.type"));
        if (Polyglots.found(upload.file(), upload.size())) {
            throw new ImageRejectedException("image.invalid.polyglot");
        }
        return format;
    }

    /** For tests: the bytes as an upload in a temporary file, decoded. */
    static Decoded decode(byte[] bytes) {
        try (ImageUpload upload = ImageUpload.copy(
                new ByteArrayInputStream(bytes == null ? new byte[0] : bytes),
                Path.of(System.getProperty("java.io.tmpdir")))) {
            return decode(upload, check(upload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes the first frame of an upload that {@link #check(ImageUpload)} found to be {@code format}, from its file;
     * a refusal carries the message key that says why.
     * The pixels are read at the smallest whole fraction of the original that is still at least twice as wide as
     * the largest derivative: a 40 megapixel photo (a 16-bit PNG would take 320 MB decoded) arrives as a few
     * megapixels of 8-bit samples, and that decoded image is the only full one held while its derivatives are made.
     */
    static Decoded decode(ImageUpload upload, ImageFormat format) {
        ImageReader reader = reader(format);
        var truncated = new boolean[1];
        reader.addIIOReadWarningListener((source, warning) -> {
            // the JPEG decoders fill a cut-off file with grey and only warn: for us that file is broken
            String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            if (text.contains("premature end") || text.contains("truncated") || text.contains("missing eoi")) {
                truncated[0] = true;
            }
        });
        try (ImageInputStream input = new FileImageInputStream(upload.file().toFile())) {
            reader.setInput(input, true, true);
            int orientation = format == ImageFormat.JPEG ? ExifOrientation.of(upload.head()) : ExifOrientation.NORMAL;
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkSize(width, height);
            boolean sideways = orientation >= 5 && orientation <= 8;
            int uprightWidth = sideways ? height : width;
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, uprightWidth / (2 * Derivatives.largestWidth()));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage pixels = reader.read(0, param);
            if (pixels == null || truncated[0]) {
                throw broken();
            }
            return new Decoded(format, pixels, orientation, uprightWidth, sideways ? width : height);
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

    private static void checkSize(int width, int height) {
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
