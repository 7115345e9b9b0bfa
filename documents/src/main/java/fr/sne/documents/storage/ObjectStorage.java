package fr.sne.documents.storage;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The document store. Owns the MinIO client (closed at shutdown, or the JVM waits for okhttp's
 * threads) and the one bucket; object keys are prefixed by territory.
 */
@Singleton
public class ObjectStorage implements AutoCloseable {

    private final MinioClient client;
    private final String bucket;

    public ObjectStorage(StorageConfiguration configuration) {
        MinioClient.Builder builder = MinioClient.builder()
                .endpoint(configuration.endpoint())
                .credentials(configuration.accessKey(), configuration.secretKey());
        if (configuration.region() != null && !configuration.region().isBlank()) {
            builder.region(configuration.region());
        }
        this.client = builder.build();
        this.bucket = configuration.bucket();
    }

    /** True when the store answers and the bucket exists (creates it on first use). */
    public boolean ensureBucket() throws Exception {
        if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            return true;
        }
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        return true;
    }

    /** Stores a file under {@code cle} (a multipart upload for large files: memory stays bounded). */
    public void deposer(String cle, java.nio.file.Path fichier, String typeMime) throws Exception {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(fichier)) {
            client.putObject(io.minio.PutObjectArgs.builder().bucket(bucket).object(cle)
                    .stream(in, java.nio.file.Files.size(fichier), 16L * 1024 * 1024).contentType(typeMime).build());
        }
    }

    /** The object's content as a stream; the caller closes it. */
    public java.io.InputStream lire(String cle) throws Exception {
        return client.getObject(io.minio.GetObjectArgs.builder().bucket(bucket).object(cle).build());
    }

    /** Deletes the object; nothing happens when it does not exist. */
    public void supprimer(String cle) throws Exception {
        client.removeObject(io.minio.RemoveObjectArgs.builder().bucket(bucket).object(cle).build());
    }

    public String bucket() {
        return bucket;
    }

    MinioClient client() {
        return client;
    }

    @PreDestroy
    @Override
    public void close() throws Exception {
        client.close();
    }
}
