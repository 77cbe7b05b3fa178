package io.sparkfeed.media;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on decoding uploads, and where the photos are kept, under {@code sparkfeed.media.*}. A decode holds up to
 * one decoded photo in memory and a core busy for a second or more, so few run at once.
 *
 * @param concurrentDecodes  decodes at once on this instance
 * @param decodesPerAccount  decodes at once for one account (more are refused with 429 at once)
 * @param decodeWait         how long an upload waits for a free decode before the instance answers 503
 * @param storage            where the photos' files live: the data folder (one instance), or an S3 bucket
 * @param s3                 the bucket, when {@code storage} is {@code s3}
 */
@ConfigurationProperties("sparkfeed.media")
public record MediaProperties(
        @DefaultValue("2") int concurrentDecodes,
        @DefaultValue("1") int decodesPerAccount,
        @DefaultValue("3s") Duration decodeWait,
        @DefaultValue("filesystem") Storage storage,
        @DefaultValue S3 s3) {

    public enum Storage {
        /** Under {@code ${sparkfeed.data-dir}/media}: the embedded default, for one instance. */
        FILESYSTEM,
        /** In an S3-compatible bucket (AWS S3, Garage, SeaweedFS, MinIO...), shared by every instance. */
        S3
    }

    /**
     * An S3-compatible bucket. The credentials come from configuration (the environment), or, when unset, from the
     * AWS SDK's default chain ({@code AWS_ACCESS_KEY_ID}, instance profiles...); never from a file in the repository.
     *
     * @param bucket          the bucket's name (it must exist)
     * @param endpoint        the store's address, for anything but AWS ({@code http://seaweedfs:8333}); unset for AWS
     * @param region          the bucket's region (any name for stores that ignore it)
     * @param pathStyle       {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: what most
     *                        self-hosted stores need
     * @param prefix          prepended to every object's name, to share a bucket
     * @param accessKey       the access key id (with {@code secretKey})
     * @param secretKey       the secret access key
     * @param connectTimeout  how long to wait for a connection to the store
     * @param requestTimeout  how long one call may take in all (retries included) before the page gives up
     * @param maxObjectSize   the largest object served or copied: anything larger is not one of our derivatives
     */
    public record S3(
            String bucket,
            URI endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("") String prefix,
            String accessKey,
            String secretKey,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("16MB") DataSize maxObjectSize) {}
}
