package io.sparkfeed.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * The photo the benchmark publishes: one 1080×1350 JPEG drawn once, with a random comment segment added to each
 * copy, so that every upload has new bytes and the server decodes and stores it as a new image.
 */
final class Photos {

    private static final byte[] BASE = draw();

    private Photos() {}

    static byte[] unique() {
        byte[] comment = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        int length = comment.length + 2;
        byte[] photo = new byte[BASE.length + 2 + length];
        // SOI, then a COM segment (FF FE, big-endian length including itself), then the rest of the original
        photo[0] = BASE[0];
        photo[1] = BASE[1];
        photo[2] = (byte) 0xFF;
        photo[3] = (byte) 0xFE;
        photo[4] = (byte) (length >> 8);
        photo[5] = (byte) length;
        System.arraycopy(comment, 0, photo, 6, comment.length);
        System.arraycopy(BASE, 2, photo, 6 + comment.length, BASE.length - 2);
        return photo;
    }

    private static byte[] draw() {
        BufferedImage image = new BufferedImage(1080, 1350, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xf6efe6), 0, 1350, new Color(0x9c6b4e)));
        g.fillRect(0, 0, 1080, 1350);
        g.setColor(new Color(0x4f7c82));
        g.fillRoundRect(390, 520, 300, 400, 60, 60);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
