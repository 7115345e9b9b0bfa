package fr.sne.devservices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the embedded services that are asked for and gives the application properties that
 * point at them. Each service is optional: a configured environment replaces it.
 */
public final class DevServices implements AutoCloseable {

    /** Which services to start, where to keep their data and on which ports. */
    public record Options(Path dataDirectory, boolean persistent, boolean database, boolean objectStore,
                          boolean oidc, int oidcPort, boolean mail, int smtpPort) {
    }

    private final List<AutoCloseable> started;
    private final Map<String, Object> properties;
    private final EmbeddedMailServer mailServer;
    private final String issuer;
    private final EmbeddedOidcProvider oidcProvider;

    private DevServices(List<AutoCloseable> started, Map<String, Object> properties,
                        EmbeddedMailServer mailServer, EmbeddedOidcProvider oidcProvider) {
        this.started = List.copyOf(started);
        this.properties = Map.copyOf(properties);
        this.mailServer = mailServer;
        this.oidcProvider = oidcProvider;
        this.issuer = oidcProvider == null ? null : oidcProvider.issuer();
    }

    public static DevServices start(Options options) throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        Map<String, Object> props = new LinkedHashMap<>();
        EmbeddedMailServer mail = null;
        EmbeddedOidcProvider provider = null;
        try {
            Path dir = options.dataDirectory();
            // OIDC first: the application's OpenID client needs the issuer to answer at start-up.
            if (options.oidc()) {
                provider = EmbeddedOidcProvider.start(options.oidcPort(), dir.resolve("oidc"));
                started.add(provider);
                props.put("sne.oidc.issuer", provider.issuer());
                props.put("sne.oidc.client-id", "sne-web");
                props.put("sne.oidc.client-secret", "sne-web-dev-secret");
            }
            if (options.database()) {
                EmbeddedDatabase db = EmbeddedDatabase.start(options.persistent() ? dir.resolve("postgresql") : null);
                started.add(db);
                DatabaseEndpoint e = db.endpoint();
                props.put("datasources.default.url", e.jdbcUrl());
                props.put("datasources.default.username", e.appUser());
                props.put("datasources.default.password", e.appPassword());
                props.put("flyway.datasources.owner.url", e.jdbcUrl());
                props.put("flyway.datasources.owner.user", e.ownerUser());
                props.put("flyway.datasources.owner.password", e.ownerPassword());
                props.put("flyway.datasources.owner.placeholders.approle", e.appUser());
                // The demo data of the contract goes with the embedded database only.
                props.put("flyway.datasources.owner.locations", "classpath:db/migration,classpath:db/demo");
            }
            if (options.objectStore()) {
                EmbeddedObjectStore store = EmbeddedObjectStore.start(dir.resolve("s3"));
                started.add(store);
                ObjectStoreEndpoint e = store.endpoint();
                props.put("sne.storage.endpoint", e.url());
                props.put("sne.storage.access-key", e.accessKey());
                props.put("sne.storage.secret-key", e.secretKey());
            }
            if (options.mail()) {
                mail = EmbeddedMailServer.start(options.smtpPort());
                started.add(mail);
                props.put("sne.mail.host", "127.0.0.1");
                props.put("sne.mail.port", mail.port());
                props.put("sne.mail.entrant.host", "127.0.0.1");
                props.put("sne.mail.entrant.port", mail.imapPort());
                props.put("sne.mail.entrant.utilisateur", EmbeddedMailServer.BOITE_REPONSES);
                props.put("sne.mail.entrant.mot-de-passe", EmbeddedMailServer.MOT_DE_PASSE_BOITE);
                props.put("sne.mail.reponses", EmbeddedMailServer.BOITE_REPONSES);
            }
        } catch (Exception e) {
            closeAll(started);
            throw e;
        }
        return new DevServices(started, props, mail, provider);
    }

    /** Properties for the application context, pointing at the started services. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** The embedded SMTP server, or null when mail goes to a configured server. */
    public EmbeddedMailServer mailServer() {
        return mailServer;
    }

    /** The embedded provider, or null when a configured provider is used. */
    public EmbeddedOidcProvider oidcProvider() {
        return oidcProvider;
    }

    /** The embedded provider's issuer, or null when a configured provider is used. */
    public String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        closeAll(started);
    }

    private static void closeAll(List<AutoCloseable> services) {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (Exception ignored) {
                // best effort at shutdown
            }
        }
    }
}
