package io.sparkfeed.media.storage;

import io.sparkfeed.media.MediaProperties;
import io.sparkfeed.media.MediaProperties.S3;
import io.sparkfeed.platform.SparkfeedProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The one {@link ImageStorage} of the instance, as {@code sparkfeed.media.storage} says. */
@Configuration(proxyBeanMethods = false)
class ImageStorageConfiguration {

    @Bean
    ImageStorage imageStorage(MediaProperties media, SparkfeedProperties sparkfeed) {
        return switch (media.storage()) {
            case FILESYSTEM -> new FileSystemImageStorage(sparkfeed);
            case S3 -> s3(media.s3());
        };
    }

    static S3ImageStorage s3(S3 settings) {
        if (!StringUtils.hasText(settings.bucket())) {
            throw new IllegalStateException(
                    "sparkfeed.media.storage=s3 needs sparkfeed.media.s3.bucket (the name of an existing bucket)");
        }
        if (StringUtils.hasText(settings.accessKey()) != StringUtils.hasText(settings.secretKey())) {
            throw new IllegalStateException(
                    "Set both sparkfeed.media.s3.access-key and sparkfeed.media.s3.secret-key, or neither (then the"
                            + " AWS SDK's default credentials are used)");
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.requestTimeout()))
                .overrideConfiguration(o -> o.apiCallTimeout(settings.requestTimeout())
                        // one retry: a page waits for the store at most requestTimeout in all
                        .retryStrategy(retry -> retry.maxAttempts(2)))
                .credentialsProvider(
                        StringUtils.hasText(settings.accessKey())
                                ? StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                                : DefaultCredentialsProvider.builder().build());
        if (settings.endpoint() != null) {
            // a store other than AWS: newer SDKs add checksums to every request, which Garage, SeaweedFS and older
            // MinIO refuse or mishandle; ask for them only where the S3 API requires them
            builder.endpointOverride(settings.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return new S3ImageStorage(
                builder.build(),
                settings.bucket(),
                settings.prefix() == null ? "" : settings.prefix(),
                settings.maxObjectSize().toBytes());
    }
}
