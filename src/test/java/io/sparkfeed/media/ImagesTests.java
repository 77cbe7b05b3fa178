package io.sparkfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import io.sparkfeed.media.storage.ImageStorage;
import io.sparkfeed.platform.SparkfeedProperties;
import io.sparkfeed.support.IntegrationTest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ImagesTests extends IntegrationTest {

    private static final AtomicInteger SEED = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Autowired
    Images images;

    @Autowired
    ImageStorage storage;

    @Autowired
    SparkfeedProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    /** A picture no other test (nor an earlier run against the same data directory) has stored. */
    private static BufferedImage unique(int width, int height) {
        return TestImages.quadrants(width, height, SEED.incrementAndGet());
    }

    private long rows(String key) {
        return jdbc.sql("select count(*) from images where key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    private Path directory(String key) {
        return properties
                .dataDir()
                .resolve("media")
                .resolve(key.substring(0, 2))
                .resolve(key);
    }

    private void refusedAndNothingStored(byte[] upload, String messageKey) {
        String key = Images.key(upload);
        refused(() -> images.store(upload), messageKey);
        assertThat(rows(key)).isZero();
        assertThat(directory(key)).doesNotExist();
    }

    private static void refused(ThrowingCallable call, String messageKey) {
        assertThatThrownBy(call)
                .isInstanceOf(ImageRejectedException.class)
                .extracting(e -> ((ImageRejectedException) e).messageKey())
                .isEqualTo(messageKey);
    }

    private byte[] stored(String key, int width) throws Exception {
        return storage.open(key, width).orElseThrow().getContentAsByteArray();
    }

    @Test
    void storesAJpegAsDerivativesAtTheStandardWidths() throws Exception {
        byte[] upload = TestImages.jpeg(unique(1600, 1200));
        StoredImage image = images.store(upload);

        assertThat(image.key()).hasSize(32).isEqualTo(Images.key(upload));
        assertThat(image.width()).isEqualTo(1600);
        assertThat(image.height()).isEqualTo(1200);
        assertThat(image.widths()).containsExactly(320, 640, 1080);
        var row = jdbc.sql("select width, height, content_type, bytes from images where key = ?")
                .param(image.key())
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("width", 1600)
                .containsEntry("height", 1200)
                .containsEntry("content_type", "image/jpeg")
                .containsEntry("bytes", (long) upload.length);
        for (int width : List.of(320, 640, 1080)) {
            BufferedImage derivative = TestImages.read(stored(image.key(), width));
            assertThat(derivative.getWidth()).isEqualTo(width);
            assertThat(derivative.getHeight()).isEqualTo(width * 3 / 4);
        }
        assertThat(images.find(image.key())).contains(image);
    }

    @Test
    void neverUpscalesASmallPhoto() throws Exception {
        StoredImage medium = images.store(TestImages.jpeg(unique(700, 350)));
        assertThat(medium.widths()).containsExactly(320, 640);
        assertThat(storage.exists(medium.key(), 1080)).isFalse();

        StoredImage small = images.store(TestImages.png(unique(200, 150)));
        assertThat(small.widths()).containsExactly(200);
        BufferedImage only = TestImages.read(stored(small.key(), 200));
        assertThat(only.getWidth()).isEqualTo(200);
        assertThat(only.getHeight()).isEqualTo(150);
    }

    @Test
    void theSamePhotoTwiceIsOneImage() {
        byte[] upload = TestImages.png(unique(400, 300));
        StoredImage first = images.store(upload);
        StoredImage second = images.store(upload.clone());
        assertThat(second).isEqualTo(first);
        assertThat(rows(first.key())).isOne();
    }

    @Test
    void storesAPngWithTransparencyOnWhite() throws Exception {
        BufferedImage transparent = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        transparent.setRGB(0, 0, SEED.incrementAndGet() | 0xFF000000); // one opaque pixel makes it unique
        StoredImage image = images.store(TestImages.png(transparent));
        assertThat(jdbc.sql("select content_type from images where key = ?")
                        .param(image.key())
                        .query(String.class)
                        .single())
                .isEqualTo("image/png");
        BufferedImage derivative = TestImages.read(stored(image.key(), 320));
        assertThat(TestImages.near(derivative.getRGB(160, 120), Color.WHITE)).isTrue();
    }

    @Test
    void storesAWebp() throws Exception {
        StoredImage lossy = images.store(TestImages.WEBP_LOSSY);
        assertThat(lossy.widths()).containsExactly(1);
        assertThat(jdbc.sql("select content_type from images where key = ?")
                        .param(lossy.key())
                        .query(String.class)
                        .single())
                .isEqualTo("image/webp");
        assertThat(TestImages.read(stored(lossy.key(), 1)).getWidth()).isEqualTo(1);

        StoredImage transparent = images.store(TestImages.WEBP_TRANSPARENT);
        assertThat(TestImages.near(TestImages.read(stored(transparent.key(), 1)).getRGB(0, 0), Color.WHITE))
                .isTrue();
    }

    @Test
    void refusesATextFileCalledJpg() {
        refusedAndNothingStored(
                "GPS: 48.8584 N, 2.2945 E. This is not a photo, whatever its name says."
                        .getBytes(StandardCharsets.UTF_8),
                "image.invalid.type");
    }

    @Test
    void refusesATruncatedJpeg() {
        byte[] jpeg = TestImages.jpeg(unique(800, 600));
        refusedAndNothingStored(Arrays.copyOf(jpeg, jpeg.length / 2), "image.invalid.broken");
    }

    @Test
    void refusesADecompressionBombQuicklyFromItsHeader() {
        byte[] bomb = TestImages.pngHeader(20_000, 20_000);
        assertTimeout(Duration.ofSeconds(2), () -> refusedAndNothingStored(bomb, "image.invalid.tooManyPixels"));
    }

    @Test
    void refusesTwelveMegabytes() {
        byte[] upload = Arrays.copyOf(TestImages.jpeg(unique(64, 64)), 12 * 1024 * 1024);
        refusedAndNothingStored(upload, "image.invalid.tooLarge");
    }

    @Test
    void refusesNothing() {
        refused(() -> images.store(new byte[0]), "image.invalid.empty");
    }

    @Test
    void keepsNoExifNorGpsDataAndTurnsThePhotoUpright() throws Exception {
        byte[] upload = TestImages.withExif(TestImages.jpeg(unique(1400, 700)), 6, false);
        // the upload does carry a GPS position, as a reader that is not ours sees it
        Directory exif = exif(upload);
        assertThat(exif).isNotNull();
        assertThat(exif.getEntryById(TIFF.TAG_GPS_IFD)).isNotNull();
        assertThat(((Directory) exif.getEntryById(TIFF.TAG_GPS_IFD).getValue()).getEntryById(2))
                .as("GPSLatitude")
                .isNotNull();
        assertThat(TestImages.contains(upload, TestImages.SECRET_ARTIST)).isTrue();

        StoredImage image = images.store(upload);

        // stored 1400x700 with orientation 6: a 700x1400 portrait
        assertThat(image.width()).isEqualTo(700);
        assertThat(image.height()).isEqualTo(1400);
        assertThat(image.widths()).containsExactly(320, 640);
        for (int width : image.widths()) {
            byte[] derivative = stored(image.key(), width);
            assertThat(exif(derivative)).as("EXIF in %d.jpg", width).isNull();
            assertThat(TestImages.markersBeforeScan(derivative)).doesNotContain(0xE1);
            assertThat(TestImages.contains(derivative, "Exif")).isFalse();
            assertThat(TestImages.contains(derivative, TestImages.SECRET_ARTIST))
                    .isFalse();
            BufferedImage pixels = TestImages.read(derivative);
            assertThat(pixels.getWidth()).isEqualTo(width);
            assertThat(pixels.getHeight()).isEqualTo(width * 2);
            // turned clockwise: what was stored bottom-left is now top-left
            assertThat(TestImages.near(pixels.getRGB(width / 8, width / 4), TestImages.BOTTOM_LEFT))
                    .isTrue();
        }
    }

    @Test
    void aRolledBackTransactionLeavesNeitherRowNorFiles() {
        byte[] upload = TestImages.jpeg(unique(800, 600));
        String key = Images.key(upload);
        var transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            StoredImage image = images.store(upload);
            assertThat(storage.exists(image.key(), 640)).isTrue();
            status.setRollbackOnly();
        });
        assertThat(rows(key)).isZero();
        assertThat(storage.exists(key, 320)).isFalse();
        assertThat(storage.exists(key, 640)).isFalse();
        assertThat(directory(key)).doesNotExist();
    }

    @Test
    void aRolledBackSecondStoreKeepsTheFilesOfTheImageAlreadyThere() {
        byte[] upload = TestImages.jpeg(unique(800, 600));
        StoredImage image = images.store(upload);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            images.store(upload);
            status.setRollbackOnly();
        });
        assertThat(rows(image.key())).isOne();
        assertThat(storage.exists(image.key(), 320)).isTrue();
        assertThat(storage.exists(image.key(), 640)).isTrue();
    }

    @Test
    void aRefusalLeavesTheCallersTransactionUsable() {
        byte[] upload = TestImages.jpeg(unique(400, 300));
        StoredImage image = new TransactionTemplate(transactions).execute(status -> {
            try {
                images.store("not an image".getBytes(StandardCharsets.UTF_8));
            } catch (ImageRejectedException expected) {
                // the caller shows the reason and carries on, e.g. with another file
            }
            return images.store(upload);
        });
        assertThat(rows(image.key())).isOne();
    }

    @Test
    void filesAConcurrentUploadReliesOnSurviveTheFirstUploadsRollback() throws Exception {
        byte[] upload = TestImages.jpeg(unique(800, 600));
        String key = Images.key(upload);
        var transaction = new TransactionTemplate(transactions);
        var firstStored = new CountDownLatch(1);
        var rollBackFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the first upload writes the files and holds its row uncommitted
            Future<?> first = threads.submit(() -> transaction.executeWithoutResult(status -> {
                images.store(upload);
                firstStored.countDown();
                await(rollBackFirst);
                status.setRollbackOnly();
            }));
            assertThat(firstStored.await(30, TimeUnit.SECONDS)).isTrue();
            // the second waits for the first one to end (the photo's lock, held on every instance)
            Future<StoredImage> second = threads.submit(() -> transaction.execute(status -> images.store(upload)));
            waitUntilAStoreWaitsForTheSamePhoto();
            rollBackFirst.countDown();
            first.get(30, TimeUnit.SECONDS);
            StoredImage image = second.get(30, TimeUnit.SECONDS);

            assertThat(rows(key)).isOne();
            for (int width : image.widths()) {
                assertThat(storage.exists(key, width)).as("%d.jpg", width).isTrue();
            }
        } finally {
            rollBackFirst.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void findsManyImagesAtOnce() {
        StoredImage one = images.store(TestImages.jpeg(unique(400, 300)));
        StoredImage two = images.store(TestImages.png(unique(300, 400)));
        List<String> keys = new ArrayList<>(List.of(one.key(), two.key(), one.key(), "../../etc/passwd"));
        for (int i = 0; i < 2000; i++) {
            keys.add(String.format("%032x", i));
        }
        var found = images.findAll(keys);
        assertThat(found).containsOnlyKeys(one.key(), two.key());
        assertThat(found.get(two.key())).isEqualTo(two);
        assertThat(images.findAll(List.of())).isEmpty();
        assertThat(images.find("../../etc/passwd")).isEmpty();
    }

    @Test
    void deletesTheRowAndThenTheFiles() {
        StoredImage image = images.store(TestImages.jpeg(unique(700, 500)));
        images.delete(image.key());
        assertThat(rows(image.key())).isZero();
        assertThat(images.find(image.key())).isEmpty();
        assertThat(storage.exists(image.key(), 320)).isFalse();
        assertThat(directory(image.key())).doesNotExist();
    }

    @Test
    void aRolledBackDeleteKeepsRowAndFiles() {
        StoredImage image = images.store(TestImages.jpeg(unique(700, 500)));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            images.delete(image.key());
            status.setRollbackOnly();
        });
        assertThat(rows(image.key())).isOne();
        assertThat(storage.exists(image.key(), 640)).isTrue();
    }

    @Test
    void storesGeneratedDemoImagesOnce() {
        BufferedImage drawn = unique(1200, 900);
        StoredImage image = images.storeGenerated(drawn);
        assertThat(image.widths()).containsExactly(320, 640, 1080);
        assertThat(image.width()).isEqualTo(1200);
        assertThat(images.storeGenerated(drawn)).isEqualTo(image);
        assertThat(rows(image.key())).isOne();
        assertThat(storage.exists(image.key(), 1080)).isTrue();
    }

    private void waitUntilAStoreWaitsForTheSamePhoto() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long waiting = jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                            + "and query like 'select pg_advisory_xact_lock(47, %'")
                    .query(Long.class)
                    .single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second upload never waited for the first one");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** IFD0 of the JPEG's EXIF segment as TwelveMonkeys reads it, or null without one. */
    private static Directory exif(byte[] jpeg) throws Exception {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            var segments = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return null;
            }
            byte[] payload = segments.get(0).segmentData().readAllBytes();
            // "Exif\0\0", then the TIFF structure
            return new TIFFReader()
                    .read(new MemoryCacheImageInputStream(new ByteArrayInputStream(payload, 6, payload.length - 6)));
        }
    }
}
