package fr.sne.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The test fixture: PostgreSQL, S3, the OIDC provider and SMTP started once per test JVM (on
 * free ports, in a temporary folder) and shared by every integration test of every module.
 */
public final class SharedTestServices {

    private SharedTestServices() {
    }

    /** The running services; started by the first caller, stopped when the JVM exits. */
    public static DevServices get() {
        return Holder.SERVICES;
    }

    /** Application properties pointing at the shared services (for a TestPropertyProvider). */
    public static Map<String, Object> properties() {
        return get().properties();
    }

    private static final class Holder {
        private static final DevServices SERVICES = startOnce();

        private static DevServices startOnce() {
            try {
                Path dir = Files.createTempDirectory("sne-test-services");
                DevServices services = DevServices.start(
                        new DevServices.Options(dir, false, true, true, true, 0, true, 0));
                Runtime.getRuntime().addShutdownHook(new Thread(services::close, "sne-test-services-stop"));
                return services;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("Les services de test n'ont pas démarré", e);
            }
        }
    }
}
