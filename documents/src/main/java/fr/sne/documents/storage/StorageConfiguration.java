package fr.sne.documents.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** Object storage (MinIO or any S3 service): {@code sne.storage.*}. */
@ConfigurationProperties("sne.storage")
public record StorageConfiguration(String endpoint, String accessKey, String secretKey, String bucket,
                                   @Nullable String region) {
}
