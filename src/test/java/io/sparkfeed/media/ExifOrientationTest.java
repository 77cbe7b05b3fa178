package io.sparkfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    private final byte[] jpeg = TestImages.jpeg(TestImages.quadrants(40, 20, 1));

    @Test
    void readsTheOrientationInEitherByteOrder() {
        for (int orientation = 1; orientation <= 8; orientation++) {
            assertThat(ExifOrientation.of(TestImages.withExif(jpeg, orientation, false)))
                    .isEqualTo(orientation);
            assertThat(ExifOrientation.of(TestImages.withExif(jpeg, orientation, true)))
                    .isEqualTo(orientation);
        }
    }

    @Test
    void aJpegWithoutExifIsAsStored() {
        assertThat(ExifOrientation.of(jpeg)).isEqualTo(1);
    }

    @Test
    void nonsenseIsAsStoredAndNeverAnError() {
        assertThat(ExifOrientation.of(TestImages.withExif(jpeg, 9, false))).isEqualTo(1);
        assertThat(ExifOrientation.of(TestImages.withExif(jpeg, 0, true))).isEqualTo(1);
        byte[] withExif = TestImages.withExif(jpeg, 6, false);
        for (int length = 0; length < 120; length++) {
            assertThat(ExifOrientation.of(Arrays.copyOf(withExif, length))).isBetween(1, 8);
        }
        byte[] badOffset = withExif.clone();
        badOffset[4 + 6 + 4 + 3] = 0x7F; // IFD0 offset far beyond the segment
        assertThat(ExifOrientation.of(badOffset)).isEqualTo(1);
    }
}
