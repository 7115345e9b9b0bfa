package fr.sne.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Embedded PostgreSQL with the two roles of the architecture: {@code sne_owner} runs the
 * migrations (and may bypass RLS to load reference data), {@code sne_app} owns nothing and
 * cannot bypass row-level security.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "sne";
    public static final String OWNER = "sne_owner";
    public static final String APP = "sne_app";
    // Local development credentials only: this server listens on loopback.
    private static final String OWNER_PASSWORD = "sne_owner_dev";
    private static final String APP_PASSWORD = "sne_app_dev";

    /** System property: the embedded server's {@code shared_buffers} (e.g. {@code 2GB}). */
    private static final String SHARED_BUFFERS = "sne.dev.postgresql.shared-buffers";

    private final EmbeddedPostgres postgres;
    private final DatabaseEndpoint endpoint;

    private EmbeddedDatabase(EmbeddedPostgres postgres) throws SQLException {
        this.postgres = postgres;
        prepare();
        this.endpoint = new DatabaseEndpoint(
                "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE,
                OWNER, OWNER_PASSWORD, APP, APP_PASSWORD);
    }

    /**
     * Starts PostgreSQL. With a {@code dataDirectory} the cluster is kept between runs
     * (created on first start); without one it lives in a temporary folder.
     */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                // PostgreSQL's default (128MB) suits a laptop; the bench's millions of applications ask for more
                .setServerConfig("shared_buffers", System.getProperty(SHARED_BUFFERS, "128MB"));
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return new EmbeddedDatabase(builder.start());
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    private void prepare() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            ensureRole(c, OWNER, OWNER_PASSWORD, "LOGIN NOSUPERUSER BYPASSRLS CREATEROLE");
            ensureRole(c, APP, APP_PASSWORD, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                p.setString(1, DATABASE);
                if (!p.executeQuery().next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            // As the README asks of a production database: the data are on SSD or in memory, so a
            // random page costs little more than a sequential one (PostgreSQL's default, 4, is for
            // spinning disks and made the advanced search scan a whole territory; docs/benchmarks.md).
            s.execute("ALTER DATABASE " + DATABASE + " SET random_page_cost = 1.1");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + APP);
        }
        try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection(); Statement s = c.createStatement()) {
            // The application role may only use objects the owner grants it (see the migrations).
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("ALTER SCHEMA public OWNER TO " + OWNER);
        }
    }

    private static void ensureRole(Connection c, String role, String password, String attributes) throws SQLException {
        boolean exists;
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            p.setString(1, role);
            exists = p.executeQuery().next();
        }
        try (Statement s = c.createStatement()) {
            s.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " WITH " + attributes
                    + " PASSWORD '" + password + "'");
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
