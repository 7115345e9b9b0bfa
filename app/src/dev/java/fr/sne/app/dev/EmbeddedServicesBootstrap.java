package fr.sne.app.dev;

import fr.sne.app.bootstrap.LocalServices;
import fr.sne.devservices.DevServices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default run: starts each embedded service whose configuration is absent from the
 * environment. Data lives under {@code .sne-data/} (or {@code SNE_DEV_DATA_DIR}) so that a restart
 * keeps it. The embedded OIDC provider listens on port 8081 (issuer http://localhost:8081/sne).
 */
public final class EmbeddedServicesBootstrap implements LocalServices {

    @Override
    public Started start(Map<String, String> env) {
        boolean database = absent(env, "SNE_DB_URL");
        boolean storage = absent(env, "SNE_S3_ENDPOINT");
        boolean oidc = absent(env, "SNE_OIDC_ISSUER");
        boolean mail = absent(env, "SNE_SMTP_HOST");
        if (!database && !storage && !oidc && !mail) {
            return new Started(Map.of(), List.of(), List.of(), () -> { });
        }
        Path dataDirectory = Path.of(env.getOrDefault("SNE_DEV_DATA_DIR", ".sne-data")).toAbsolutePath();
        int oidcPort = Integer.parseInt(env.getOrDefault("SNE_DEV_OIDC_PORT", "8081"));
        try {
            DevServices services = DevServices.start(new DevServices.Options(
                    dataDirectory, true, database, storage, oidc, oidcPort, mail, 0));
            List<Object> singletons = new ArrayList<>();
            if (services.mailServer() != null) {
                singletons.add(services.mailServer());
            }
            System.out.println("Services de développement démarrés (données dans " + dataDirectory + ")"
                    + (services.issuer() == null ? "" : ", fournisseur d'identité " + services.issuer()));
            Map<String, Object> properties = new LinkedHashMap<>(services.properties());
            if (database) {
                // the information site's demo articles and reference texts go with the embedded database only
                properties.put("sne.info.demo", "true");
                properties.put("sne.info.corpus", env.getOrDefault("SNE_INFO_CORPUS", "true"));
            }
            return new Started(properties, singletons, List.of("dev"), services::close);
        } catch (Exception e) {
            throw new IllegalStateException("Les services de développement n'ont pas démarré : " + e.getMessage(), e);
        }
    }

    private static boolean absent(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank();
    }
}
