package io.sparkfeed.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkfeed.platform.SparkfeedProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemImageStorageTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dataDir;

    private FileSystemImageStorage storage() {
        return new FileSystemImageStorage(new SparkfeedProperties(dataDir, null));
    }

    @Test
    void keepsFilesUnderTheDataDirectory() throws IOException {
        var storage = storage();
        storage.put(KEY, 320, new byte[] {1, 2, 3});
        assertThat(storage.exists(KEY, 320)).isTrue();
        assertThat(storage.exists(KEY, 640)).isFalse();
        assertThat(storage.open(KEY, 320).orElseThrow().getContentAsByteArray()).containsExactly(1, 2, 3);
        assertThat(dataDir.resolve("media/01/" + KEY + "/320.jpg")).exists();
        assertThat(storage.open(KEY, 640)).isEmpty();
    }

    @Test
    void replacesAFileWholeAndLeavesNoTemporaryFile() throws IOException {
        var storage = storage();
        storage.put(KEY, 320, new byte[] {1});
        storage.put(KEY, 320, new byte[] {4, 5});
        assertThat(storage.open(KEY, 320).orElseThrow().getContentAsByteArray()).containsExactly(4, 5);
        try (Stream<Path> files = Files.list(dataDir.resolve("media/01/" + KEY))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("320.jpg");
        }
    }

    @Test
    void deletesFilesAndTheEmptyDirectory() {
        var storage = storage();
        storage.put(KEY, 320, new byte[] {1});
        storage.put(KEY, 640, new byte[] {2});
        storage.delete(KEY, 320);
        assertThat(storage.exists(KEY, 320)).isFalse();
        assertThat(storage.exists(KEY, 640)).isTrue();
        storage.delete(KEY, 640);
        storage.delete(KEY, 640); // already gone: nothing to do
        assertThat(dataDir.resolve("media/01/" + KEY)).doesNotExist();
    }

    @Test
    void refusesAnythingButAHexKey() {
        var storage = storage();
        assertThatThrownBy(() -> storage.put("../../../etc", 320, new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.open("0123456789abcdef/../x", 320))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.exists(KEY, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
