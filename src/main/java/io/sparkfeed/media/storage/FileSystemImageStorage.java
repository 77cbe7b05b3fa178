package io.sparkfeed.media.storage;

import io.sparkfeed.platform.SparkfeedProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Keeps derivatives under {@code ${sparkfeed.data-dir}/media/ab/abcdef.../640.jpg}; the two-character level keeps
 * directories small once there are many images. One instance per data folder.
 */
class FileSystemImageStorage implements ImageStorage {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16,64}");
    private static final Pattern FILE_NAME = Pattern.compile("([1-9][0-9]{0,4})\\.jpg");

    private final Path root;

    FileSystemImageStorage(SparkfeedProperties properties) {
        this.root = properties.dataDir().resolve("media").toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, int width, byte[] jpeg) {
        Path target = file(key, width);
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            // same directory as the target, so the move is a rename on one filesystem
            temporary = Files.createTempFile(target.getParent(), "." + width + "-", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(jpeg);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // the database row that points at this file may commit right after: the bytes must be on disk
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ImageStorageException("Could not store " + target, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless: it is never served
                }
            }
        }
    }

    @Override
    public Optional<Resource> open(String key, int width) {
        Path file = file(key, width);
        return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
    }

    @Override
    public boolean exists(String key, int width) {
        return Files.isRegularFile(file(key, width));
    }

    @Override
    public void delete(String key, int width) {
        Path file = file(key, width);
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (DirectoryNotEmptyException | NoSuchFileException stillInUse) {
            // other widths of the key are still there
        } catch (IOException e) {
            throw new ImageStorageException("Could not delete " + file, e);
        }
    }

    Path root() {
        return root;
    }

    /**
     * Every well-formed file of the folder ({@code ab/<key>/<width>.jpg}), for copying them elsewhere; anything else
     * in the folder (temporary files of an interrupted store) is left out. Close the stream.
     */
    Stream<StoredFile> files() {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try {
            return Files.walk(root, 3)
                    .filter(path -> root.relativize(path).getNameCount() == 3)
                    .map(this::storedFile)
                    .flatMap(Optional::stream);
        } catch (IOException e) {
            throw new ImageStorageException("Could not list " + root, e);
        }
    }

    private Optional<StoredFile> storedFile(Path path) {
        String key = path.getParent().getFileName().toString();
        Matcher name = FILE_NAME.matcher(path.getFileName().toString());
        if (!KEY.matcher(key).matches()
                || !path.getParent().getParent().getFileName().toString().equals(key.substring(0, 2))
                || !name.matches()
                || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoredFile(key, Integer.parseInt(name.group(1)), Files.size(path)));
        } catch (IOException e) {
            throw new ImageStorageException("Could not read the size of " + path, e);
        }
    }

    /** A file of the folder: its key, its width and its size in bytes. */
    record StoredFile(String key, int width, long size) {}

    private Path file(String key, int width) {
        if (key == null || !KEY.matcher(key).matches() || width <= 0) {
            throw new IllegalArgumentException("not an image file: " + key + "/" + width);
        }
        return root.resolve(key.substring(0, 2)).resolve(key).resolve(width + ".jpg");
    }
}
