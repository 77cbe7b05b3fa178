package io.sparkfeed.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keeps derivatives as objects {@code <prefix><key>/<width>.jpg} of one bucket of an S3-compatible store, shared by
 * every instance. An object is written whole or not at all (S3 has no partial writes), so a reader on any instance
 * never sees half of it. The bucket stays private: {@code /media} checks whether a photo may be seen, then streams
 * it from here.
 */
class S3ImageStorage implements ImageStorage, AutoCloseable {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16,64}");
    private static final int NOT_FOUND = 404;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final long maxObjectSize;

    S3ImageStorage(S3Client s3, String bucket, String prefix, long maxObjectSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.maxObjectSize = maxObjectSize;
    }

    @Override
    public void put(String key, int width, byte[] jpeg) {
        String name = name(key, width);
        if (jpeg.length > maxObjectSize) {
            throw new IllegalArgumentException(name + " is larger than " + maxObjectSize + " bytes");
        }
        try {
            s3.putObject(
                    request -> request.bucket(bucket)
                            .key(name)
                            .contentType("image/jpeg")
                            .contentLength((long) jpeg.length),
                    RequestBody.fromBytes(jpeg));
        } catch (SdkException e) {
            throw failure("store", name, e);
        }
    }

    @Override
    public Optional<Resource> open(String key, int width) {
        String name = name(key, width);
        ResponseInputStream<GetObjectResponse> object;
        try {
            object = get(name);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", name, e);
        }
        return Optional.of(new ObjectResource(name, object));
    }

    @Override
    public boolean exists(String key, int width) {
        return size(name(key, width)).isPresent();
    }

    @Override
    public void delete(String key, int width) {
        String name = name(key, width);
        try {
            // S3 answers a delete of a missing object with success
            s3.deleteObject(request -> request.bucket(bucket).key(name));
        } catch (SdkException e) {
            throw failure("delete", name, e);
        }
    }

    /** Whether the object is there with this size: what a copy that may be resumed needs to know. */
    boolean hasWhole(String key, int width, long size) {
        return size(name(key, width)).filter(found -> found == size).isPresent();
    }

    /** The object's size, asked with a HEAD; empty when there is no such object. */
    private Optional<Long> size(String name) {
        try {
            return Optional.of(
                    s3.headObject(request -> request.bucket(bucket).key(name)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw failure("look for", name, e);
        } catch (SdkException e) {
            throw failure("look for", name, e);
        }
    }

    String describe() {
        return "bucket " + bucket + (prefix.isEmpty() ? "" : " (prefix " + prefix + ")");
    }

    @Override
    public void close() {
        s3.close();
    }

    private ResponseInputStream<GetObjectResponse> get(String name) {
        ResponseInputStream<GetObjectResponse> object =
                s3.getObject(request -> request.bucket(bucket).key(name));
        Long length = object.response().contentLength();
        if (length == null || length > maxObjectSize) {
            object.abort();
            throw new ImageStorageException(
                    "The object " + name + " of " + describe() + " has no length or is larger than " + maxObjectSize
                            + " bytes: not a derivative of ours",
                    null);
        }
        return object;
    }

    private ImageStorageException failure(String action, String name, SdkException e) {
        return new ImageStorageException(
                "Could not " + action + " " + name + " in " + describe() + ": " + e.getMessage(), e);
    }

    private String name(String key, int width) {
        if (key == null || !KEY.matcher(key).matches() || width <= 0) {
            throw new IllegalArgumentException("not an image file: " + key + "/" + width);
        }
        return prefix + key + "/" + width + ".jpg";
    }

    /**
     * An object being read: its length is known from the answer, so the response gets a {@code Content-Length}
     * without reading it twice. The first read takes the stream already open; a second one (a range request)
     * asks the store again.
     */
    private final class ObjectResource extends AbstractResource {

        private final String name;
        private final long length;
        private ResponseInputStream<GetObjectResponse> opened;

        ObjectResource(String name, ResponseInputStream<GetObjectResponse> opened) {
            this.name = name;
            this.opened = opened;
            this.length = opened.response().contentLength();
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (opened != null) {
                InputStream first = opened;
                opened = null;
                return first;
            }
            try {
                return get(name);
            } catch (SdkException | ImageStorageException e) {
                throw new IOException("Could not read " + name + " in " + describe(), e);
            }
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String getDescription() {
            return "object " + name + " in " + describe();
        }
    }
}
