package io.sparkfeed.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns decoded pixels into the JPEG files we serve: upright, alpha flattened on white, at the standard widths
 * the original is wide enough for, encoded from a fresh RGB raster so no metadata of the upload (EXIF, GPS, ICC
 * profiles, comments) can survive.
 */
final class Derivatives {

    /** The widths pages ask for: a phone column, a tablet or 2x phone column, a full-width post. */
    static final List<Integer> WIDTHS = List.of(320, 640, 1080);

    static final float QUALITY = 0.85f;

    /** One encoded file. */
    record Derivative(int width, int height, byte[] jpeg) {}

    /** The upright size of the original, and its derivatives, smallest first. */
    record Rendition(int width, int height, List<Derivative> derivatives) {

        List<Integer> widths() {
            return derivatives.stream().map(Derivative::width).toList();
        }

        Derivative largest() {
            return derivatives.get(derivatives.size() - 1);
        }
    }

    private Derivatives() {}

    static int largestWidth() {
        return WIDTHS.get(WIDTHS.size() - 1);
    }

    /** The standard widths not wider than the original; an original narrower than all of them is kept at its own width. */
    static List<Integer> widthsFor(int originalWidth) {
        List<Integer> widths = WIDTHS.stream().filter(w -> w <= originalWidth).toList();
        return widths.isEmpty() ? List.of(originalWidth) : widths;
    }

    static Rendition render(BufferedImage source, int orientation) {
        boolean sideways = orientation >= 5 && orientation <= 8;
        int width = sideways ? source.getHeight() : source.getWidth();
        int height = sideways ? source.getWidth() : source.getHeight();
        List<Integer> widths = widthsFor(width);
        int largest = widths.get(widths.size() - 1);

        // The first pass orients, flattens and, when the original is at least twice the largest derivative,
        // halves: the full-size RGB copy of a 40 megapixel photo would cost another 160 MB of heap.
        boolean halve = width >= 2 * largest;
        BufferedImage current = upright(
                source,
                orientation,
                width,
                height,
                halve ? Math.max(largest, width / 2) : width,
                halve ? Math.max(1, height / 2) : height);

        List<Derivative> derivatives = new ArrayList<>();
        for (int i = widths.size() - 1; i >= 0; i--) {
            int targetWidth = widths.get(i);
            int targetHeight = Math.max(1, (int) Math.round((double) height * targetWidth / width));
            current = scale(current, targetWidth, targetHeight);
            derivatives.add(new Derivative(targetWidth, targetHeight, jpeg(current)));
        }
        derivatives.sort(Comparator.comparingInt(Derivative::width));
        return new Rendition(width, height, List.copyOf(derivatives));
    }

    /** Draws the source upright into a fresh RGB image of the given size, over white. */
    static BufferedImage upright(
            BufferedImage source, int orientation, int width, int height, int toWidth, int toHeight) {
        int w = source.getWidth();
        int h = source.getHeight();
        // EXIF orientation n means: apply this to the stored pixels to see them as the camera person did
        AffineTransform orient = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        AffineTransform transform =
                AffineTransform.getScaleInstance((double) toWidth / width, (double) toHeight / height);
        transform.concatenate(orient);

        BufferedImage target = new BufferedImage(toWidth, toHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, toWidth, toHeight);
            quality(g, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * Downscales by halving while the image is at least twice the target (each halving averages 2x2 pixels, so
     * no detail is skipped), then one bicubic step to the exact size.
     */
    static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = resize(
                    current,
                    current.getWidth() / 2,
                    current.getHeight() / 2,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() != width || current.getHeight() != height) {
            current = resize(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }
        return current;
    }

    private static BufferedImage resize(BufferedImage image, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            quality(g, interpolation);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static void quality(Graphics2D g, Object interpolation) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    }

    /** A progressive JPEG with only what the encoder itself writes (a JFIF header), no metadata of ours. */
    static byte[] jpeg(BufferedImage rgb) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream(rgb.getWidth() * rgb.getHeight() / 4);
        try (var output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            if (param instanceof JPEGImageWriteParam jpeg) {
                jpeg.setOptimizeHuffmanTables(true);
            }
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
