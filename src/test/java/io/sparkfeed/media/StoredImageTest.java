package io.sparkfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoredImageTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private final StoredImage image = new StoredImage(KEY, 2000, 1500, List.of(1080, 320, 640));

    @Test
    void picksTheSmallestDerivativeThatIsWideEnough() {
        assertThat(image.url(1)).isEqualTo("/media/" + KEY + "/320.jpg");
        assertThat(image.url(320)).isEqualTo("/media/" + KEY + "/320.jpg");
        assertThat(image.url(321)).isEqualTo("/media/" + KEY + "/640.jpg");
        assertThat(image.url(1080)).isEqualTo("/media/" + KEY + "/1080.jpg");
    }

    @Test
    void neverPromisesMoreThanTheLargest() {
        assertThat(image.url(4000)).isEqualTo("/media/" + KEY + "/1080.jpg");
        assertThat(image.largestUrl()).isEqualTo("/media/" + KEY + "/1080.jpg");
        var small = new StoredImage(KEY, 200, 100, List.of(200));
        assertThat(small.url(640)).isEqualTo(small.largestUrl()).isEqualTo("/media/" + KEY + "/200.jpg");
    }

    @Test
    void listsEveryDerivativeForSrcset() {
        assertThat(image.widths()).containsExactly(320, 640, 1080);
        assertThat(image.srcset())
                .isEqualTo("/media/" + KEY + "/320.jpg 320w, /media/" + KEY + "/640.jpg 640w, /media/" + KEY
                        + "/1080.jpg 1080w");
    }

    @Test
    void aKeyIsLowercaseHexAndNothingElse() {
        assertThatThrownBy(() -> new StoredImage("../../etc/passwd", 1, 1, List.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredImage(KEY.toUpperCase(), 1, 1, List.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredImage(KEY, 1, 1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
