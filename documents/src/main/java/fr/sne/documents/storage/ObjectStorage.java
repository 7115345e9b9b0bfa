package fr.sne.documents.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The document store. Owns the MinIO client (closed at shutdown, or the JVM waits for okhttp's
 * threads) and the one bucket; object keys are prefixed by territory.
 */
@Singleton
public class ObjectStorage implements AutoCloseable {

    private static final Set<String> ABSENT = Set.of("NoSuchKey", "NoSuchObject", "ResourceNotFound");

    private final MinioClient client;
    private final String bucket;
    // once the bucket is known to exist, writes stop asking
    private volatile boolean bucketPret;

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
            bucketPret = true;
            return true;
        }
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        bucketPret = true;
        return true;
    }

    /** Stores a file under {@code cle} (a multipart upload for large files: memory stays bounded). */
    public void deposer(String cle, Path fichier, String typeMime) throws Exception {
        if (!bucketPret) {
            ensureBucket();
        }
        try (InputStream in = Files.newInputStream(fichier)) {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(cle)
                    .stream(in, Files.size(fichier), 16L * 1024 * 1024).contentType(typeMime).build());
        }
    }

    /** The object's content as a stream; the caller closes it. */
    public InputStream lire(String cle) throws Exception {
        return client.getObject(GetObjectArgs.builder().bucket(bucket).object(cle).build());
    }

    /** Deletes the object; nothing happens when it does not exist. */
    public void supprimer(String cle) throws Exception {
        client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(cle).build());
    }

    /** Whether the object exists (false for a missing one; an unreachable store throws). */
    public boolean existe(String cle) throws Exception {
        if (!bucketPret) {
            ensureBucket();
        }
        try {
            client.statObject(StatObjectArgs.builder().bucket(bucket).object(cle).build());
            return true;
        } catch (ErrorResponseException e) {
            if ((e.errorResponse() != null && ABSENT.contains(e.errorResponse().code()))
                    || (e.response() != null && e.response().code() == 404)) {
                return false;
            }
            throw e;
        }
    }

    /** An object as a listing shows it. */
    public record Objet(String cle, long taille, Instant modifieLe) {
    }

    /**
     * Every object under {@code prefixe}, in key order, fetched page by page as the iteration goes
     * (memory stays bounded whatever the count). A failure of the store surfaces as an
     * {@link IllegalStateException} from the iterator.
     */
    public Iterable<Objet> lister(String prefixe) {
        if (!bucketPret) {
            try {
                ensureBucket();
            } catch (Exception e) {
                throw new IllegalStateException("Stockage indisponible", e);
            }
        }
        Iterable<Result<Item>> resultats = client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefixe)
                .recursive(true).build());
        return () -> new Iterator<>() {
            private final Iterator<Result<Item>> suite = resultats.iterator();

            @Override
            public boolean hasNext() {
                return suite.hasNext();
            }

            @Override
            public Objet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    Item item = suite.next().get();
                    return new Objet(item.objectName(), item.size(),
                            item.lastModified() == null ? Instant.EPOCH : item.lastModified().toInstant());
                } catch (Exception e) {
                    throw new IllegalStateException("Liste des objets de " + prefixe + " interrompue", e);
                }
            }
        };
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
