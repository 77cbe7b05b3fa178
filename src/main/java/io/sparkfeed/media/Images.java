package io.sparkfeed.media;

import io.sparkfeed.media.Derivatives.Derivative;
import io.sparkfeed.media.Derivatives.Rendition;
import io.sparkfeed.media.storage.ImageStorage;
import io.sparkfeed.media.storage.ImageStorageException;
import io.sparkfeed.platform.SparkfeedProperties;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores images and answers where their files are. An image is known by a key derived from its content, so the
 * same photo uploaded twice is stored once. A row in {@code images} exists only with its files: the files are
 * written first, and removed again if the transaction that was to insert the row rolls back.
 */
@Service
public class Images {

    private static final Logger log = LoggerFactory.getLogger(Images.class);
    static final int KEY_LENGTH = 32;
    private static final String COLUMNS = "key, width, height, widths";

    private final ImageStorage storage;
    private final JdbcClient jdbc;
    private final List<ImageShowings> showings;
    private final FileClaims claims = new FileClaims();
    // a burst of uploads takes turns instead of exhausting the heap and the cores
    private final DecodeSlots slots;
    private final TransactionTemplate transactions;
    private final TransactionTemplate cleanups;
    private final Path uploads;

    Images(
            ImageStorage storage,
            JdbcClient jdbc,
            List<ImageShowings> showings,
            MediaProperties properties,
            TransactionTemplate transactions,
            SparkfeedProperties sparkfeed) {
        this.storage = storage;
        this.jdbc = jdbc;
        this.showings = List.copyOf(showings);
        this.slots = new DecodeSlots(properties);
        this.transactions = transactions;
        // called once a transaction has ended, so in one of its own
        this.cleanups = new TransactionTemplate(transactions.getTransactionManager());
        this.cleanups.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.uploads = sparkfeed.dataDir().resolve("uploads").toAbsolutePath().normalize();
        deleteLeftoverUploads();
        // in an executable jar ImageIO may have looked for plugins before the application class loader was in
        // place, and would then not know the WebP and CMYK-capable JPEG readers
        ImageIO.scanForPlugins();
    }

    /**
     * Receives an upload as it streams in: into a temporary file under the data directory, at most as much of it as
     * an image may be. The caller closes it, which deletes the file.
     */
    public ImageUpload receive(InputStream upload) throws IOException {
        return ImageUpload.copy(upload, uploads);
    }

    /**
     * Checks an upload (JPEG, PNG or WebP, at most 10 MB and 40 megapixels, nothing else hidden in the file) and
     * re-encodes it without metadata, or finds the same bytes already stored. Call it outside any transaction: it
     * waits for a decode slot of the instance and of {@code accountId} ({@code null} for the instance's own work),
     * and decoding takes a core for a second or more; nothing is written.
     *
     * @throws ImageRejectedException when the upload is not an image we take, with the reason's message key
     * @throws ImagesBusyException when no decode is free for it now
     */
    public PreparedImage prepare(ImageUpload upload, Long accountId) {
        ImageFormat format = ImageDecoder.check(upload);
        String key = upload.key();
        if (find(key).isPresent()) {
            return new PreparedImage(key, format.contentType(), upload.size(), null);
        }
        try (DecodeSlots.Slot slot = slots.acquire(accountId)) {
            ImageDecoder.Decoded decoded = ImageDecoder.decode(upload, format);
            Rendition rendition = Derivatives.render(decoded.pixels(), decoded.orientation());
            return new PreparedImage(
                    key,
                    format.contentType(),
                    upload.size(),
                    new Rendition(decoded.width(), decoded.height(), rendition.derivatives()));
        }
    }

    /**
     * Stores a prepared image in the caller's transaction: its files, then its row (the files go again if the
     * transaction rolls back). The same bytes stored again give the same image.
     *
     * @throws ImageRejectedException when the image was found stored while preparing and deleted since (rare: the
     *         person sends it again); it leaves the caller's transaction usable, since nothing was written
     */
    @Transactional(noRollbackFor = ImageRejectedException.class)
    public StoredImage store(PreparedImage prepared) {
        Optional<StoredImage> existing = find(prepared.key());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (prepared.rendition() == null) {
            throw new ImageRejectedException("image.invalid.again");
        }
        return save(prepared.key(), prepared.contentType(), prepared.bytes(), prepared.rendition());
    }

    /**
     * Prepares and stores an upload given whole, as the instance's own work (tests, tools): the decode waits for a
     * slot of the instance only. Pages receive and {@link #prepare} uploads instead, outside their transaction.
     */
    public StoredImage store(byte[] upload) {
        try (ImageUpload received = receive(new ByteArrayInputStream(upload == null ? new byte[0] : upload))) {
            PreparedImage prepared = prepare(received, null);
            return transactions.execute(status -> store(prepared));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep an upload in " + uploads, e);
        }
    }

    /** For demo data drawn in code: the same derivatives as an upload, without the checks meant for strangers' files. */
    @Transactional
    public StoredImage storeGenerated(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        Rendition rendition = Derivatives.render(image, ExifOrientation.NORMAL);
        byte[] largest = rendition.largest().jpeg();
        String key = key(largest);
        return find(key).orElseGet(() -> save(key, "image/jpeg", largest.length, rendition));
    }

    @Transactional(readOnly = true)
    public Optional<StoredImage> find(String key) {
        if (key == null || !StoredImage.KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from images where key = ?")
                .param(key)
                .query(Images::image)
                .optional();
    }

    /**
     * The image at the largest size stored, to read once: for a person's data export. Media keeps no original: an
     * upload is re-encoded, without its metadata, into derivatives of the standard widths not wider than it (at most
     * 1080 px; a photo narrower than 320 px keeps its own width), so this is the best copy there is. Empty when there
     * is no such image or file.
     */
    public Optional<Resource> largest(String key) {
        return find(key)
                .flatMap(image -> storage.open(
                        image.key(), image.widths().get(image.widths().size() - 1)));
    }

    /**
     * The image with where it is shown, asked of every module that shows images: a photo is public only while
     * something anyone may see shows it, whatever order takedowns, restores and deletes happened in.
     */
    @Transactional(readOnly = true)
    public Optional<ServableImage> findServable(String key) {
        return find(key).map(image -> new ServableImage(image, showing(key)));
    }

    /**
     * Deletes the image (row now, files after the commit) unless some module still shows it, in the caller's
     * transaction: for a caller that just removed what showed it.
     */
    @Transactional
    public void deleteUnlessShown(String key) {
        if (key != null
                && StoredImage.KEY.matcher(key).matches()
                && !showing(key).anywhere()) {
            delete(key);
        }
    }

    private Showing showing(String key) {
        Showing showing = Showing.NOWHERE;
        for (ImageShowings module : showings) {
            showing = showing.and(module.showing(key));
            if (showing.publicly()) {
                // public is public: who else may see it privately no longer matters
                return showing;
            }
        }
        return showing;
    }

    /** The images of many keys in one statement, whatever their number; unknown keys are left out. */
    @Transactional(readOnly = true)
    public Map<String, StoredImage> findAll(Collection<String> keys) {
        String[] valid = keys.stream()
                .filter(Objects::nonNull)
                .filter(k -> StoredImage.KEY.matcher(k).matches())
                .distinct()
                .toArray(String[]::new);
        if (valid.length == 0) {
            return Map.of();
        }
        return jdbc
                .sql("select " + COLUMNS + " from images where key = any(?)")
                .param(valid)
                .query(Images::image)
                .stream()
                .collect(Collectors.toMap(StoredImage::key, Function.identity()));
    }

    /** Deletes the row now and the files once the transaction has committed; nothing when the key is unknown. */
    @Transactional
    public void delete(String key) {
        if (key == null || !StoredImage.KEY.matcher(key).matches()) {
            return;
        }
        Optional<Set<Integer>> widths = jdbc.sql("delete from images where key = ? returning widths")
                .param(key)
                .query((rs, row) -> widths(rs.getArray("widths")))
                .optional()
                .map(Set::copyOf);
        widths.ifPresent(deleted ->
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status == STATUS_COMMITTED) {
                            claims.deleteUnlessClaimed(key, deleted, files -> deleteFiles(key, files));
                        }
                    }
                }));
    }

    private StoredImage save(String key, String contentType, long bytes, Rendition rendition) {
        // stores of the same photo on every instance take turns, and a cleanup of its files waits for them (see
        // deleteFiles): without it, one instance rolling back could delete the files another one just committed
        lockKey(key);
        Optional<StoredImage> committedMeanwhile = find(key);
        if (committedMeanwhile.isPresent()) {
            return committedMeanwhile.get();
        }
        boolean alone = claims.claim(key);
        // registered at once, so the claim is released whatever happens below
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // STATUS_UNKNOWN (a commit that failed half-way) keeps the files: a row may point at them
                claims.release(key, status != STATUS_ROLLED_BACK, files -> deleteFiles(key, files));
            }
        });
        for (Derivative derivative : rendition.derivatives()) {
            boolean exists;
            try {
                exists = storage.exists(key, derivative.width());
                if (!exists) {
                    storage.put(key, derivative.width(), derivative.jpeg());
                }
            } catch (ImageStorageException e) {
                // the transaction rolls back: no row points at a file the store may not have
                log.warn("Could not store image {}: {}", key, e.getMessage());
                throw ImagesBusyException.storageUnavailable();
            }
            // with no other store in flight and no row, files already there are leftovers (a crash between
            // writing them and inserting the row): this store takes them over, to keep or to clean up
            if (!exists || alone) {
                claims.created(key, derivative.width());
            }
        }
        List<Integer> widths = rendition.widths();
        int inserted = jdbc.sql("""
                        insert into images (key, width, height, widths, content_type, bytes)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (key) do nothing""")
                .params(key, rendition.width(), rendition.height(), widths.toArray(Integer[]::new), contentType, bytes)
                .update();
        if (inserted == 0) {
            // another transaction inserted the same photo and committed while we worked: its row is the one
            claims.committed(key);
            return find(key).orElseThrow();
        }
        return new StoredImage(key, rendition.width(), rendition.height(), widths);
    }

    /** Uploads of a previous run that ended before closing them (one instance per data directory). */
    private void deleteLeftoverUploads() {
        if (!Files.isDirectory(uploads)) {
            return;
        }
        try (Stream<Path> files = Files.list(uploads)) {
            files.filter(f -> f.getFileName().toString().endsWith(".part")).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    log.warn("Could not delete the leftover upload {}", f, e);
                }
            });
        } catch (IOException e) {
            log.warn("Could not list leftover uploads in {}", uploads, e);
        }
    }

    /**
     * Deletes files of a key whose row is gone (or was never committed), in a transaction of its own that waits for
     * any store of the same photo in flight on any instance: if one committed the row meanwhile, its files stay.
     * A file left behind (the store or the database unreachable) is only wasted space, never a broken image: no row
     * points at it, and a later upload of the same photo takes it over.
     */
    private void deleteFiles(String key, Set<Integer> widths) {
        try {
            cleanups.executeWithoutResult(status -> {
                lockKey(key);
                if (find(key).isPresent()) {
                    return;
                }
                for (int width : widths) {
                    try {
                        storage.delete(key, width);
                    } catch (RuntimeException e) {
                        log.warn("Could not delete image file {}/{}", key, width, e);
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not clean up the files of image {}", key, e);
        }
    }

    private void lockKey(String key) {
        jdbc.sql("select pg_advisory_xact_lock(47, hashtext(?))")
                .param(key)
                .query()
                .listOfRows();
    }

    static String key(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest).substring(0, KEY_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static StoredImage image(ResultSet rs, int row) throws SQLException {
        return new StoredImage(
                rs.getString("key"), rs.getInt("width"), rs.getInt("height"), widths(rs.getArray("widths")));
    }

    private static List<Integer> widths(Array array) throws SQLException {
        Object values = array.getArray();
        return values instanceof Integer[] boxed
                ? List.of(boxed)
                : Arrays.stream((Object[]) values)
                        .map(v -> ((Number) v).intValue())
                        .toList();
    }
}
