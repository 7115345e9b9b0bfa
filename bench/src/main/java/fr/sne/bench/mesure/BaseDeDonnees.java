package fr.sne.bench.mesure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The product's database as the bench reaches it: the owner role (migrations, bulk loads; it
 * bypasses row-level security), the application role (what the product's own queries run as,
 * under RLS) and, when the server lets one in, a superuser (the embedded server's {@code postgres}).
 */
public record BaseDeDonnees(String url, String utilisateurProprietaire, String motDePasseProprietaire,
                            String utilisateurApplication, String motDePasseApplication) {

    public Connection proprietaire() throws SQLException {
        return DriverManager.getConnection(url, utilisateurProprietaire, motDePasseProprietaire);
    }

    public Connection application() throws SQLException {
        return DriverManager.getConnection(url, utilisateurApplication, motDePasseApplication);
    }

    /** The embedded server's superuser (local trust authentication), or empty elsewhere. */
    public Optional<Connection> superUtilisateur() {
        try {
            Connection c = DriverManager.getConnection(url, "postgres", "");
            try (var rs = c.createStatement().executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
                if (rs.next() && rs.getBoolean(1)) {
                    return Optional.of(c);
                }
            }
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens a transaction of the application role in a territory's scope, as the product's
     * {@code TenantTransactions} does (the same settings, so the same RLS policies apply).
     */
    public Connection applicationDansLeTerritoire(String territoire, boolean lectureSeule) throws SQLException {
        Connection c = application();
        c.setAutoCommit(false);
        c.setReadOnly(lectureSeule);
        portee(c, territoire);
        return c;
    }

    /** SET LOCAL of the territory's scope on a connection already in a transaction. */
    public static void portee(Connection c, String territoire) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT set_config('sne.territoire', ?, true), set_config('sne.portee', 'TERRITOIRE', true), set_config('sne.compte', '', true)")) {
            ps.setString(1, territoire);
            ps.execute();
        }
    }
}
