package io.sparkfeed.media.storage;

import io.sparkfeed.media.storage.FileSystemImageStorage.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * Copies the photos of a data folder into a bucket, for an instance moving from the filesystem to S3. Idempotent
 * and resumable: an object already there with the same size is left alone, so a copy that stopped half-way (the
 * store went away, the command was stopped) is simply run again. Stops at the first failure of the store.
 */
final class CopyToS3 {

    private static final Logger log = LoggerFactory.getLogger(CopyToS3.class);
    private static final int REPORT_EVERY = 1000;

    /** What a run did: files copied, found already there, and left out (too large to be one of ours). */
    record Counts(long copied, long alreadyThere, long tooLarge) {

        long seen() {
            return copied + alreadyThere + tooLarge;
        }

        @Override
        public String toString() {
            return copied + " copied, " + alreadyThere + " already there, " + tooLarge + " too large and left out";
        }
    }

    private CopyToS3() {}

    /**
     * @throws ImageStorageException when the folder cannot be read or the bucket cannot be written; the message
     *         says how far the copy went
     */
    static Counts copy(FileSystemImageStorage from, S3ImageStorage to, long maxObjectSize) {
        long copied = 0;
        long alreadyThere = 0;
        long tooLarge = 0;
        try (Stream<StoredFile> files = from.files()) {
            Iterator<StoredFile> each = files.iterator();
            while (each.hasNext()) {
                StoredFile file = each.next();
                if (file.size() > maxObjectSize) {
                    log.warn(
                            "Left out {}/{}.jpg: {} bytes, more than {}",
                            file.key(),
                            file.width(),
                            file.size(),
                            maxObjectSize);
                    tooLarge++;
                } else if (to.hasWhole(file.key(), file.width(), file.size())) {
                    alreadyThere++;
                } else {
                    to.put(file.key(), file.width(), read(from, file));
                    copied++;
                }
                Counts sofar = new Counts(copied, alreadyThere, tooLarge);
                if (sofar.seen() % REPORT_EVERY == 0) {
                    log.info("Copying photos to {}: {}", to.describe(), sofar);
                }
            }
        } catch (ImageStorageException e) {
            throw new ImageStorageException(
                    "Stopped after " + new Counts(copied, alreadyThere, tooLarge) + " (run it again to resume): "
                            + e.getMessage(),
                    e);
        }
        return new Counts(copied, alreadyThere, tooLarge);
    }

    private static byte[] read(FileSystemImageStorage from, StoredFile file) {
        Resource resource = from.open(file.key(), file.width())
                .orElseThrow(() -> new ImageStorageException(
                        "The file " + file.key() + "/" + file.width() + ".jpg went away during the copy", null));
        try (InputStream in = resource.getInputStream()) {
            // the size was checked against the limit; a file that grew since is read only that far and refused
            byte[] bytes = in.readNBytes((int) file.size() + 1);
            if (bytes.length != file.size()) {
                throw new ImageStorageException(
                        "The file " + file.key() + "/" + file.width() + ".jpg changed during the copy", null);
            }
            return bytes;
        } catch (IOException e) {
            throw new ImageStorageException("Could not read " + resource.getDescription(), e);
        }
    }
}
