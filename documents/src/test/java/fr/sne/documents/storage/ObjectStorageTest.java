package fr.sne.documents.storage;

import fr.sne.devservices.ObjectStoreEndpoint;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document store against a real S3 server (the shared S3Proxy), and its health check. */
class ObjectStorageTest {

    private static StorageConfiguration configuration(String endpoint, String bucket) {
        ObjectStoreEndpoint s3 = new ObjectStoreEndpoint(
                (String) SharedTestServices.properties().get("sne.storage.endpoint"),
                (String) SharedTestServices.properties().get("sne.storage.access-key"),
                (String) SharedTestServices.properties().get("sne.storage.secret-key"));
        return new StorageConfiguration(endpoint == null ? s3.url() : endpoint, s3.accessKey(), s3.secretKey(), bucket, null);
    }

    private static HealthResult health(ObjectStorage storage) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            return Mono.from(new StorageHealthIndicator(storage, executor).getResult()).block();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theBucketIsCreatedOnFirstUseAndHealthIsUp() throws Exception {
        String bucket = "sne-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (ObjectStorage storage = new ObjectStorage(configuration(null, bucket))) {
            assertTrue(storage.ensureBucket());
            assertTrue(storage.client().bucketExists(io.minio.BucketExistsArgs.builder().bucket(bucket).build()));
            // idempotent
            assertTrue(storage.ensureBucket());
            HealthResult result = health(storage);
            assertEquals(HealthStatus.UP, result.getStatus());
            assertEquals(Map.of("bucket", bucket), result.getDetails());
        }
    }

    @Test
    void healthIsDownWhenTheStoreDoesNotAnswer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ObjectStorage storage = new ObjectStorage(configuration("http://127.0.0.1:" + closedPort, "sne-pieces"))) {
            assertEquals(HealthStatus.DOWN, health(storage).getStatus());
        }
    }

    @Test
    void wrongCredentialsMakeHealthDown() throws Exception {
        StorageConfiguration good = configuration(null, "sne-pieces");
        StorageConfiguration wrong = new StorageConfiguration(good.endpoint(), good.accessKey(), "mauvais-secret", "sne-pieces", null);
        try (ObjectStorage storage = new ObjectStorage(wrong)) {
            assertEquals(HealthStatus.DOWN, health(storage).getStatus());
        }
    }
}
