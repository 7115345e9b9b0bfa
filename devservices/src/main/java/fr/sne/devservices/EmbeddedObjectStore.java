package fr.sne.devservices;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** S3Proxy on a filesystem folder: the MinIO client talks to it as to a real MinIO. */
public final class EmbeddedObjectStore implements AutoCloseable {

    // Local development credentials only: this server listens on loopback.
    private static final String ACCESS_KEY = "sne-dev";
    private static final String SECRET_KEY = "sne-dev-secret-key";

    private final S3Proxy proxy;
    private final ObjectStoreEndpoint endpoint;

    private EmbeddedObjectStore(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = new ObjectStoreEndpoint("http://127.0.0.1:" + proxy.getPort(), ACCESS_KEY, SECRET_KEY);
    }

    public static EmbeddedObjectStore start(Path baseDirectory) throws Exception {
        Files.createDirectories(baseDirectory);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", baseDirectory.toAbsolutePath().toString());
        properties.setProperty("s3proxy.endpoint", "http://127.0.0.1:0");
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", ACCESS_KEY);
        properties.setProperty("s3proxy.credential", SECRET_KEY);
        properties.setProperty("s3proxy.jetty.max-threads", "16");
        S3Proxy proxy = S3Proxy.Builder.fromProperties(properties)
                .blobStore(BlobStores.create("filesystem", properties))
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new EmbeddedObjectStore(proxy);
    }

    public ObjectStoreEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
