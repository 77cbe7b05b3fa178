package io.sparkfeed.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Test images made in code: pictures, their JPEG and PNG bytes, EXIF segments and hostile headers. */
public final class TestImages {

    public static final Color TOP_LEFT = Color.RED;
    public static final Color TOP_RIGHT = Color.GREEN;
    public static final Color BOTTOM_LEFT = Color.BLUE;
    public static final Color BOTTOM_RIGHT = Color.YELLOW;

    /** Text that the EXIF segment of {@link #withExif} carries, to look for in what we stored. */
    public static final String SECRET_ARTIST = "Sparkfeed Secret Artist 48.8584N";

    /** A 1x1 lossy WebP (the feature-detection image Modernizr uses), mid grey. */
    public static final byte[] WEBP_LOSSY =
            Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
    /** A 1x1 lossless WebP, fully transparent. */
    public static final byte[] WEBP_TRANSPARENT =
            Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private TestImages() {}

    /** Four solid quadrants, so a test can tell which way up an image is; {@code seed} makes the content unique. */
    public static BufferedImage quadrants(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int halfW = width / 2;
        int halfH = height / 2;
        g.setColor(TOP_LEFT);
        g.fillRect(0, 0, halfW, halfH);
        g.setColor(TOP_RIGHT);
        g.fillRect(halfW, 0, width - halfW, halfH);
        g.setColor(BOTTOM_LEFT);
        g.fillRect(0, halfH, halfW, height - halfH);
        g.setColor(BOTTOM_RIGHT);
        g.fillRect(halfW, halfH, width - halfW, height - halfH);
        // a few pixels that differ per test, in the middle where no corner check looks
        g.setColor(new Color(seed * 7919 & 0xFFFFFF));
        g.fillRect(halfW - 2, halfH - 2, 4, 4);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** A photo as a camera would send it: the JPEG with an EXIF segment (orientation, artist, GPS position). */
    public static byte[] withExif(byte[] jpeg, int orientation, boolean littleEndian) {
        byte[] app1 = exif(orientation, littleEndian);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + app1.length);
        out.put(jpeg, 0, 2); // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (app1.length + 2));
        out.put(app1);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** "Exif\0\0" and a TIFF structure: IFD0 with Orientation, Artist and a GPS IFD with latitude and longitude. */
    static byte[] exif(int orientation, boolean littleEndian) {
        byte[] artist = (SECRET_ARTIST + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Entries = 3;
        int ifd0End = ifd0 + 2 + ifd0Entries * 12 + 4;
        int artistAt = ifd0End;
        int gpsIfd = artistAt + artist.length + (artist.length % 2);
        int gpsEntries = 4;
        int gpsEnd = gpsIfd + 2 + gpsEntries * 12 + 4;
        int latitudeAt = gpsEnd;
        int longitudeAt = latitudeAt + 24;
        int tiffLength = longitudeAt + 24;

        ByteBuffer tiff =
                ByteBuffer.allocate(tiffLength).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(ifd0);
        // IFD0, entries sorted by tag
        tiff.position(ifd0);
        tiff.putShort((short) ifd0Entries);
        entry(tiff, 0x0112, 3, 1, orientation); // Orientation, SHORT, value in the first two bytes
        entry(tiff, 0x013B, 2, artist.length, artistAt); // Artist, ASCII
        entry(tiff, 0x8825, 4, 1, gpsIfd); // GPSInfo IFD pointer
        tiff.putInt(0);
        tiff.position(artistAt);
        tiff.put(artist);
        // GPS IFD
        tiff.position(gpsIfd);
        tiff.putShort((short) gpsEntries);
        inlineAscii(tiff, 0x0001, 'N'); // GPSLatitudeRef
        entry(tiff, 0x0002, 5, 3, latitudeAt); // GPSLatitude, 3 RATIONALs
        inlineAscii(tiff, 0x0003, 'E'); // GPSLongitudeRef
        entry(tiff, 0x0004, 5, 3, longitudeAt); // GPSLongitude
        tiff.putInt(0);
        tiff.position(latitudeAt);
        tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(30).putInt(1);
        tiff.putInt(2).putInt(1).putInt(17).putInt(1).putInt(40).putInt(1);

        byte[] header = {'E', 'x', 'i', 'f', 0, 0};
        byte[] result = Arrays.copyOf(header, header.length + tiffLength);
        System.arraycopy(tiff.array(), 0, result, header.length, tiffLength);
        return result;
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            tiff.putShort((short) value).putShort((short) 0);
        } else {
            tiff.putInt(value);
        }
    }

    private static void inlineAscii(ByteBuffer tiff, int tag, char value) {
        tiff.putShort((short) tag).putShort((short) 2).putInt(2);
        tiff.put((byte) value).put((byte) 0).put((byte) 0).put((byte) 0);
    }

    /**
     * A PNG that is only a signature, an IHDR chunk claiming {@code width} x {@code height} RGBA pixels, and IEND:
     * no pixel data. Decoding it would first allocate the whole raster.
     */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 6)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the colour is near the expected one (JPEG changes colours a little). */
    public static boolean near(int rgb, Color expected) {
        Color actual = new Color(rgb);
        return Math.abs(actual.getRed() - expected.getRed()) < 40
                && Math.abs(actual.getGreen() - expected.getGreen()) < 40
                && Math.abs(actual.getBlue() - expected.getBlue()) < 40;
    }

    /** The JPEG markers before the first scan (APP0 = 0xE0, APP1 = 0xE1 ...). */
    public static List<Integer> markersBeforeScan(byte[] jpeg) {
        var markers = new ArrayList<Integer>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }

    public static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            var out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
