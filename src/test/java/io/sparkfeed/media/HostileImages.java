package io.sparkfeed.media;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Files made to hurt an image pipeline, generated in the test (none is checked in). */
public final class HostileImages {

    private HostileImages() {}

    /** A JPEG with a comment segment that is a web page: a browser sniffing it would run the script. */
    public static byte[] jpegWithHtml(byte[] jpeg) {
        byte[] html =
                "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + html.length);
        out.put(jpeg, 0, 2)
                .put((byte) 0xFF)
                .put((byte) 0xFE)
                .putShort((short) (html.length + 2))
                .put(html);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A JPEG with a ZIP archive after its last byte: image viewers show the photo, unzip finds the archive. */
    public static byte[] jpegWithZip(byte[] jpeg) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(jpeg);
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.html"));
            zip.write("<p>hello</p>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A web page that starts with a JPEG's magic bytes. */
    public static byte[] htmlWithJpegMagic() {
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[4 + html.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xE0;
        System.arraycopy(html, 0, out, 4, html.length);
        return out;
    }

    /**
     * A real PNG of {@code width} x {@code height} black pixels with {@code bitDepth} bits per sample of RGB (colour
     * type 2) or grey (colour type 0): the compressed file is tiny, the decoded raster is not.
     */
    public static byte[] blackPng(int width, int height, int bitDepth, boolean grey) {
        int channels = grey ? 1 : 3;
        long rowBytes = ((long) width * channels * bitDepth + 7) / 8;
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) bitDepth)
                .put((byte) (grey ? 0 : 2))
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        TestImages.chunk(out, "IHDR", ihdr.array());
        var idat = new ByteArrayOutputStream();
        byte[] row = new byte[(int) rowBytes + 1]; // filter type 0, then zeros
        try (var deflate = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestImages.chunk(out, "IDAT", idat.toByteArray());
        TestImages.chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A four-channel (CMYK) JPEG, as print workflows export them. */
    public static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x % 256, y % 256, 40, 10});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** An animated WebP: two frames, each the 1x1 lossy frame of {@link TestImages#WEBP_LOSSY}. */
    public static byte[] animatedWebp() {
        byte[] still = TestImages.WEBP_LOSSY;
        byte[] vp8 = Arrays.copyOfRange(still, 12, still.length); // the "VP8 " chunk, header included
        var body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        riffChunk(body, "VP8X", new byte[] {0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0}); // animation flag, 1x1 canvas
        riffChunk(body, "ANIM", new byte[] {0, 0, 0, 0, 0, 0}); // background colour, loop forever
        for (int frame = 0; frame < 2; frame++) {
            var anmf = new ByteArrayOutputStream();
            // x, y, width - 1, height - 1 (3 bytes each), duration 100 ms (3 bytes), flags
            anmf.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0});
            anmf.writeBytes(vp8);
            riffChunk(body, "ANMF", anmf.toByteArray());
        }
        byte[] content = body.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(8 + content.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(content.length)
                .put(content);
        return out.array();
    }

    private static void riffChunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length);
        out.writeBytes(header.array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }
}
