package io.sparkfeed.media.storage;

import io.sparkfeed.media.MediaProperties;
import io.sparkfeed.platform.SparkfeedProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --sparkfeed.media.copy-to-s3}, with {@code sparkfeed.media.storage=s3} and the bucket configured: once the
 * application has started, copies the photos under {@code ${sparkfeed.data-dir}/media} into the bucket, reports
 * the counts and exits (0 when everything is in the bucket, 1 otherwise). See {@link CopyToS3}.
 */
@Component
@ConditionalOnProperty("sparkfeed.media.copy-to-s3")
class CopyToS3Command implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CopyToS3Command.class);

    private final ImageStorage storage;
    private final SparkfeedProperties sparkfeed;
    private final MediaProperties media;
    private final ConfigurableApplicationContext context;

    CopyToS3Command(
            ImageStorage storage,
            SparkfeedProperties sparkfeed,
            MediaProperties media,
            ConfigurableApplicationContext context) {
        this.storage = storage;
        this.sparkfeed = sparkfeed;
        this.media = media;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = 1;
        if (storage instanceof S3ImageStorage bucket) {
            FileSystemImageStorage folder = new FileSystemImageStorage(sparkfeed);
            try {
                log.info("Copying the photos of {} to {}", folder.root(), bucket.describe());
                CopyToS3.Counts counts =
                        CopyToS3.copy(folder, bucket, media.s3().maxObjectSize().toBytes());
                log.info("Copied the photos of {} to {}: {}", folder.root(), bucket.describe(), counts);
                code = counts.tooLarge() == 0 ? 0 : 1;
            } catch (ImageStorageException e) {
                log.error("Could not copy the photos: {}", e.getMessage());
            }
        } else {
            log.error("--sparkfeed.media.copy-to-s3 needs sparkfeed.media.storage=s3 and sparkfeed.media.s3.*"
                    + " (the bucket to copy to)");
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
