package io.sparkfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private static void refused(ThrowingCallable call, String messageKey) {
        assertThatThrownBy(call)
                .isInstanceOf(ImageRejectedException.class)
                .extracting(e -> ((ImageRejectedException) e).messageKey())
                .isEqualTo(messageKey);
    }

    @Test
    void decodesJpegPngAndWebp() {
        BufferedImage picture = TestImages.quadrants(64, 48, 1);
        var jpeg = ImageDecoder.decode(TestImages.jpeg(picture));
        assertThat(jpeg.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(jpeg.pixels().getWidth()).isEqualTo(64);
        assertThat(jpeg.pixels().getHeight()).isEqualTo(48);
        assertThat(ImageDecoder.decode(TestImages.png(picture)).format()).isEqualTo(ImageFormat.PNG);
        var webp = ImageDecoder.decode(TestImages.WEBP_LOSSY);
        assertThat(webp.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(webp.pixels().getWidth()).isEqualTo(1);
    }

    @Test
    void refusesNothingAtAll() {
        refused(() -> ImageDecoder.decode(new byte[0]), "image.invalid.empty");
        refused(() -> ImageDecoder.decode(null), "image.invalid.empty");
    }

    @Test
    void refusesTextWhateverItsName() {
        refused(
                () -> ImageDecoder.decode(
                        "not a photo, even if it is called photo.jpg".getBytes(StandardCharsets.UTF_8)),
                "image.invalid.type");
    }

    @Test
    void refusesMoreThanTenMegabytesBeforeLookingAtThem() {
        byte[] twelveMegabytes = Arrays.copyOf(TestImages.jpeg(TestImages.quadrants(32, 32, 1)), 12 * 1024 * 1024);
        refused(() -> ImageDecoder.decode(twelveMegabytes), "image.invalid.tooLarge");
        assertThatThrownBy(() -> ImageDecoder.decode(twelveMegabytes))
                .extracting(e -> ((ImageRejectedException) e).arguments()[0])
                .isEqualTo(10);
    }

    @Test
    void takesExactlyTenMegabytes() {
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(32, 32, 1));
        // trailing bytes after the end-of-image marker are tolerated by decoders: only the size is at stake here
        byte[] tenMegabytes = Arrays.copyOf(jpeg, 10 * 1024 * 1024);
        assertThat(ImageDecoder.decode(tenMegabytes).pixels().getWidth()).isEqualTo(32);
    }

    @Test
    void refusesADecompressionBombFromItsHeaderWithoutDecodingIt() {
        byte[] bomb = TestImages.pngHeader(20_000, 20_000);
        assertThat(bomb.length).isLessThan(100);
        // RGBA 20000x20000 would be 1.6 GB: decoding would take long or fail with OutOfMemoryError, and without
        // pixel data it would be "broken", not "too many pixels"
        assertTimeoutPreemptively(
                Duration.ofSeconds(2), () -> refused(() -> ImageDecoder.decode(bomb), "image.invalid.tooManyPixels"));
    }

    @Test
    void takesFortyMegapixelsButNotOneMore() {
        // headers only: 8000x5000 passes the header check and fails later for lack of pixel data
        refused(() -> ImageDecoder.decode(TestImages.pngHeader(8000, 5000)), "image.invalid.broken");
        refused(() -> ImageDecoder.decode(TestImages.pngHeader(8000, 5001)), "image.invalid.tooManyPixels");
    }

    @Test
    void refusesATruncatedJpeg() {
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(400, 300, 1));
        refused(() -> ImageDecoder.decode(Arrays.copyOf(jpeg, jpeg.length / 2)), "image.invalid.broken");
    }

    @Test
    void refusesATruncatedPng() {
        byte[] png = TestImages.png(TestImages.quadrants(400, 300, 1));
        refused(() -> ImageDecoder.decode(Arrays.copyOf(png, png.length / 2)), "image.invalid.broken");
    }

    @Test
    void refusesGarbageBehindAnImageSignature() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        refused(() -> ImageDecoder.decode(garbage), "image.invalid.broken");
        byte[] riff = Arrays.copyOf("RIFF\u0000\u0001\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 64);
        refused(() -> ImageDecoder.decode(riff), "image.invalid.broken");
    }

    @Test
    void readsTheExifOrientationOfAJpeg() {
        byte[] photo = TestImages.withExif(TestImages.jpeg(TestImages.quadrants(40, 20, 1)), 6, false);
        assertThat(ImageDecoder.decode(photo).orientation()).isEqualTo(6);
    }
}
