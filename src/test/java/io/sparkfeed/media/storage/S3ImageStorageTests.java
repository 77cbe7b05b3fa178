package io.sparkfeed.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkfeed.media.MediaProperties.S3;
import io.sparkfeed.platform.SparkfeedProperties;
import io.sparkfeed.support.S3MockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/** The S3 implementation against S3Mock (a real S3 API over HTTP, in a JVM of its own): what the store must do. */
class S3ImageStorageTests {

    private static S3ImageStorage storage;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void connect() {
        storage = ImageStorageConfiguration.s3(settings(S3MockServer.endpoint(), "run-" + key().substring(0, 8) + "/"));
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    static S3 settings(URI endpoint, String prefix) {
        return new S3(
                S3MockServer.BUCKET,
                endpoint,
                S3MockServer.REGION,
                true,
                prefix,
                S3MockServer.ACCESS_KEY,
                S3MockServer.SECRET_KEY,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                DataSize.ofMegabytes(1));
    }

    /** A fresh key, so runs and tests never see each other's objects. */
    static String key() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void storesReadsAndDeletesAnObject() throws IOException {
        String key = key();
        assertThat(storage.exists(key, 320)).isFalse();
        assertThat(storage.open(key, 320)).isEmpty();

        storage.put(key, 320, new byte[] {1, 2, 3});

        assertThat(storage.exists(key, 320)).isTrue();
        assertThat(storage.exists(key, 640)).isFalse();
        Resource file = storage.open(key, 320).orElseThrow();
        assertThat(file.contentLength()).isEqualTo(3);
        assertThat(file.getContentAsByteArray()).containsExactly(1, 2, 3);
        // a second read (a range request) asks the store again
        assertThat(file.getContentAsByteArray()).containsExactly(1, 2, 3);

        storage.delete(key, 320);
        assertThat(storage.exists(key, 320)).isFalse();
        assertThat(storage.open(key, 320)).isEmpty();
        storage.delete(key, 320);
    }

    @Test
    void replacesAnObjectWhole() throws IOException {
        String key = key();
        storage.put(key, 640, new byte[] {1});
        storage.put(key, 640, new byte[] {4, 5});
        assertThat(storage.open(key, 640).orElseThrow().getContentAsByteArray()).containsExactly(4, 5);
    }

    @Test
    void refusesWhatCannotBeAnImageFile() {
        assertThatThrownBy(() -> storage.put("../../etc", 320, new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.open(key(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.put(
                        key(), 320, new byte[(int) DataSize.ofMegabytes(1).toBytes() + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachableStoreIsAClearErrorWithinTheTimeouts() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (S3ImageStorage nowhere =
                ImageStorageConfiguration.s3(settings(URI.create("http://127.0.0.1:" + closedPort), ""))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> nowhere.put(key(), 320, new byte[] {1}))
                    .isInstanceOf(ImageStorageException.class)
                    .hasMessageContaining("Could not store")
                    .hasMessageContaining(S3MockServer.BUCKET);
            assertThatThrownBy(() -> nowhere.open(key(), 320)).isInstanceOf(ImageStorageException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void aBucketNeedsAName() {
        S3 noBucket = new S3(
                " ",
                null,
                "us-east-1",
                false,
                "",
                null,
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                DataSize.ofMegabytes(1));
        assertThatThrownBy(() -> ImageStorageConfiguration.s3(noBucket))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sparkfeed.media.s3.bucket");
    }

    @Test
    void copiesADataFoldersPhotosOnceAndResumes() throws IOException {
        var folder = new FileSystemImageStorage(new SparkfeedProperties(dataDir, null));
        String one = key();
        String two = key();
        folder.put(one, 320, new byte[] {1, 3, 2});
        folder.put(one, 640, new byte[] {1, 6, 4, 0});
        folder.put(two, 320, new byte[] {2, 3, 2});
        // what is not a photo of ours stays behind
        Files.writeString(dataDir.resolve("media/" + one.substring(0, 2) + "/" + one + "/.320-1.tmp"), "partial");
        Files.writeString(dataDir.resolve("media/notes.txt"), "hello");
        S3ImageStorage bucket =
                ImageStorageConfiguration.s3(settings(S3MockServer.endpoint(), "copy-" + key().substring(0, 8) + "/"));

        assertThat(CopyToS3.copy(folder, bucket, 1024)).isEqualTo(new CopyToS3.Counts(3, 0, 0));
        assertThat(bucket.open(one, 640).orElseThrow().getContentAsByteArray()).containsExactly(1, 6, 4, 0);
        assertThat(bucket.open(two, 320).orElseThrow().getContentAsByteArray()).containsExactly(2, 3, 2);

        // again: nothing to do
        assertThat(CopyToS3.copy(folder, bucket, 1024)).isEqualTo(new CopyToS3.Counts(0, 3, 0));

        // a copy that stopped half-way resumes where it stopped
        bucket.delete(two, 320);
        assertThat(CopyToS3.copy(folder, bucket, 1024)).isEqualTo(new CopyToS3.Counts(1, 2, 0));
        assertThat(bucket.open(two, 320).orElseThrow().getContentAsByteArray()).containsExactly(2, 3, 2);

        // a file larger than any derivative is left out and said so
        assertThat(CopyToS3.copy(folder, bucket, 3)).isEqualTo(new CopyToS3.Counts(0, 2, 1));
        bucket.close();
    }
}
