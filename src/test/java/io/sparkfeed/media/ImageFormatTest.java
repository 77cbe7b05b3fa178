package io.sparkfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    @Test
    void recognisesJpegPngAndWebpByTheirFirstBytes() {
        BufferedImage picture = TestImages.quadrants(20, 10, 1);
        assertThat(ImageFormat.detect(TestImages.jpeg(picture))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(TestImages.png(picture))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.detect(TestImages.WEBP_LOSSY)).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.detect(bytes("RIFF\u0000\u0001\u0000\u0000WEBPVP8 ")))
                .contains(ImageFormat.WEBP);
    }

    @Test
    void refusesEverythingElseWhateverItClaims() {
        assertThat(ImageFormat.detect(bytes("this is a text file called photo.jpg")))
                .isEmpty();
        assertThat(ImageFormat.detect(bytes("GIF89a\u0001\u0000\u0001\u0000"))).isEmpty();
        assertThat(ImageFormat.detect(bytes("RIFF\u0000\u0001\u0000\u0000WAVEfmt ")))
                .isEmpty();
        assertThat(ImageFormat.detect(bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .isEmpty();
        assertThat(ImageFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageFormat.detect(bytes("RIFF"))).isEmpty();
        assertThat(ImageFormat.detect(new byte[0])).isEmpty();
        assertThat(ImageFormat.detect(null)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
