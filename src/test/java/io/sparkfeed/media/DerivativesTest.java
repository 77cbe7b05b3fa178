package io.sparkfeed.media;

import static io.sparkfeed.media.TestImages.BOTTOM_LEFT;
import static io.sparkfeed.media.TestImages.BOTTOM_RIGHT;
import static io.sparkfeed.media.TestImages.TOP_LEFT;
import static io.sparkfeed.media.TestImages.TOP_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.media.Derivatives.Derivative;
import io.sparkfeed.media.Derivatives.Rendition;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class DerivativesTest {

    @Test
    void usesTheStandardWidthsTheOriginalCovers() {
        assertThat(Derivatives.widthsFor(4000)).containsExactly(320, 640, 1080);
        assertThat(Derivatives.widthsFor(1080)).containsExactly(320, 640, 1080);
        assertThat(Derivatives.widthsFor(1079)).containsExactly(320, 640);
        assertThat(Derivatives.widthsFor(320)).containsExactly(320);
        assertThat(Derivatives.widthsFor(319)).containsExactly(319);
        assertThat(Derivatives.widthsFor(1)).containsExactly(1);
    }

    @Test
    void makesJpegsAtEachWidthKeepingTheAspectRatio() {
        Rendition rendition = Derivatives.render(TestImages.quadrants(2400, 1600, 1), 1);
        assertThat(rendition.width()).isEqualTo(2400);
        assertThat(rendition.height()).isEqualTo(1600);
        assertThat(rendition.widths()).containsExactly(320, 640, 1080);
        for (Derivative derivative : rendition.derivatives()) {
            BufferedImage decoded = TestImages.read(derivative.jpeg());
            assertThat(decoded.getWidth()).isEqualTo(derivative.width());
            assertThat(decoded.getHeight())
                    .isEqualTo(derivative.height())
                    .isEqualTo(Math.round(derivative.width() * 1600 / 2400.0f));
            assertUpright(decoded);
        }
    }

    @Test
    void neverUpscales() {
        Rendition rendition = Derivatives.render(TestImages.quadrants(700, 350, 1), 1);
        assertThat(rendition.widths()).containsExactly(320, 640);

        Rendition small = Derivatives.render(TestImages.quadrants(200, 100, 1), 1);
        assertThat(small.widths()).containsExactly(200);
        BufferedImage decoded = TestImages.read(small.largest().jpeg());
        assertThat(decoded.getWidth()).isEqualTo(200);
        assertThat(decoded.getHeight()).isEqualTo(100);
    }

    @Test
    void turnsASidewaysPhotoUpright() {
        // stored 400x200 landscape, EXIF 6: the camera was turned clockwise, the photo is a 200x400 portrait
        Rendition rendition = Derivatives.render(TestImages.quadrants(400, 200, 1), 6);
        assertThat(rendition.width()).isEqualTo(200);
        assertThat(rendition.height()).isEqualTo(400);
        BufferedImage upright = TestImages.read(rendition.largest().jpeg());
        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(400);
        // rotated clockwise: the stored bottom-left is now top-left
        assertCorners(upright, BOTTOM_LEFT, TOP_LEFT, BOTTOM_RIGHT, TOP_RIGHT);
    }

    @Test
    void everyOrientationEndsUpTheSameWayUp() {
        BufferedImage stored = TestImages.quadrants(80, 40, 1);
        // what each EXIF orientation does to an upright picture when the camera stores it
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage asStored = inverse(stored, orientation);
            BufferedImage result = Derivatives.upright(asStored, orientation, 80, 40, 80, 40);
            assertThat(result.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertCorners(result, TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT);
        }
    }

    @Test
    void flattensTransparencyOnWhite() {
        BufferedImage transparent = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Rendition rendition = Derivatives.render(transparent, 1);
        BufferedImage decoded = TestImages.read(rendition.largest().jpeg());
        assertThat(TestImages.near(decoded.getRGB(10, 10), Color.WHITE)).isTrue();
        assertThat(TestImages.near(decoded.getRGB(300, 200), Color.WHITE)).isTrue();
    }

    @Test
    void writesNoMetadataSegmentButTheJfifHeader() {
        Rendition rendition = Derivatives.render(TestImages.quadrants(700, 500, 1), 1);
        for (Derivative derivative : rendition.derivatives()) {
            assertThat(TestImages.markersBeforeScan(derivative.jpeg()))
                    .contains(0xE0)
                    .doesNotContain(0xE1, 0xE2, 0xED, 0xFE);
        }
    }

    private static void assertUpright(BufferedImage image) {
        assertCorners(image, TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT);
    }

    private static void assertCorners(
            BufferedImage image, Color topLeft, Color topRight, Color bottomLeft, Color bottomRight) {
        int w = image.getWidth();
        int h = image.getHeight();
        int dx = Math.max(1, w / 8);
        int dy = Math.max(1, h / 8);
        assertThat(TestImages.near(image.getRGB(dx, dy), topLeft))
                .as("top left")
                .isTrue();
        assertThat(TestImages.near(image.getRGB(w - 1 - dx, dy), topRight))
                .as("top right")
                .isTrue();
        assertThat(TestImages.near(image.getRGB(dx, h - 1 - dy), bottomLeft))
                .as("bottom left")
                .isTrue();
        assertThat(TestImages.near(image.getRGB(w - 1 - dx, h - 1 - dy), bottomRight))
                .as("bottom right")
                .isTrue();
    }

    /** The pixels a camera stores with the given orientation for an upright picture, computed pixel by pixel. */
    private static BufferedImage inverse(BufferedImage upright, int orientation) {
        int w = upright.getWidth();
        int h = upright.getHeight();
        boolean sideways = orientation >= 5;
        BufferedImage stored = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_INT_RGB);
        int sw = stored.getWidth();
        int sh = stored.getHeight();
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                // where stored pixel (x, y) is displayed, per the EXIF specification's table
                int ux;
                int uy;
                switch (orientation) {
                    case 2 -> {
                        ux = sw - 1 - x;
                        uy = y;
                    }
                    case 3 -> {
                        ux = sw - 1 - x;
                        uy = sh - 1 - y;
                    }
                    case 4 -> {
                        ux = x;
                        uy = sh - 1 - y;
                    }
                    case 5 -> {
                        ux = y;
                        uy = x;
                    }
                    case 6 -> {
                        ux = sh - 1 - y;
                        uy = x;
                    }
                    case 7 -> {
                        ux = sh - 1 - y;
                        uy = sw - 1 - x;
                    }
                    case 8 -> {
                        ux = y;
                        uy = sw - 1 - x;
                    }
                    default -> {
                        ux = x;
                        uy = y;
                    }
                }
                stored.setRGB(x, y, upright.getRGB(ux, uy));
            }
        }
        return stored;
    }
}
