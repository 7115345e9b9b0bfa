package fr.sne.tenants.tenancy;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import fr.sne.devservices.SharedTestServices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Row-level security proven through the application role itself, with raw SQL: whatever the
 * code does, PostgreSQL returns no desk without a territory setting, and only the set
 * territory's desks with one.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.oidc.issuer", value = "http://localhost/sne")
class RowLevelSecurityTest implements SharedServicesTest {

    @Inject
    DataSource dataSource;

    @Inject
    TenantTransactions transactions;

    @Inject
    JdbcOperations jdbc;

    private Connection appConnection() throws SQLException {
        // the raw pool: the application role, outside any Micronaut-managed transaction
        Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        c.setAutoCommit(false);
        return c;
    }

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection c = appConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT r.rolsuper, r.rolbypassrls, t.relowner = r.oid AS owner, t.relrowsecurity, t.relforcerowsecurity
                       FROM pg_roles r, pg_class t WHERE r.rolname = current_user AND t.relname = 'guichet'""")) {
            assertTrue(rs.next());
            assertFalse(rs.getBoolean(1), "superuser");
            assertFalse(rs.getBoolean(2), "bypassrls");
            assertFalse(rs.getBoolean(3), "owns the table");
            assertTrue(rs.getBoolean(4), "RLS enabled");
            assertTrue(rs.getBoolean(5), "RLS forced");
            c.rollback();
        }
    }

    @Test
    void withoutTerritorySettingNoRowIsVisible() throws SQLException {
        try (Connection c = appConnection()) {
            assertEquals(List.of(), codes(c, "SELECT code FROM guichet ORDER BY code"));
            c.rollback();
        }
    }

    @Test
    void eachTerritorySeesOnlyItsOwnDesks() throws SQLException {
        try (Connection c = appConnection()) {
            setTerritory(c, "038");
            assertEquals(List.of("38001", "38002", "38003"), codes(c, "SELECT code FROM guichet ORDER BY code"));
            // even an explicit filter on another territory's desk finds nothing
            assertEquals(List.of(), codes(c, "SELECT code FROM guichet WHERE code = '30001'"));
            c.rollback();

            setTerritory(c, "030");
            assertEquals(List.of("30001", "30002", "30003"), codes(c, "SELECT code FROM guichet ORDER BY code"));
            c.commit();
            // SET LOCAL: nothing of the scope survives the transaction on the pooled connection
            assertEquals(List.of(), codes(c, "SELECT code FROM guichet ORDER BY code"));
            c.rollback();
        }
    }

    @Test
    void writingIntoAnotherTerritoryIsRefusedByTheDatabase() throws SQLException {
        try (Connection c = appConnection()) {
            setTerritory(c, "038");
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO guichet (code, territoire, nom, type) VALUES ('30999', '030', 'Intrus', 'BAILLEUR')");
                }
            });
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            c.rollback();
            setTerritory(c, "038");
            try (Statement s = c.createStatement()) {
                assertEquals(0, s.executeUpdate("UPDATE guichet SET nom = 'Détourné' WHERE code = '30001'"));
            }
            c.rollback();
        }
    }

    @Test
    void habilitationsAndApiClientsAreScopedToo() throws SQLException {
        try (Connection c = appConnection()) {
            assertEquals(List.of(), codes(c, "SELECT id::text FROM habilitation"));
            assertEquals(List.of(), codes(c, "SELECT client_id FROM client_api"));
            setTerritory(c, "038");
            assertEquals(List.of("038"), codes(c, "SELECT DISTINCT territoire FROM habilitation"));
            assertEquals(List.of("editeur-actis", "editeur-stegreve"), codes(c, "SELECT client_id FROM client_api ORDER BY 1"));
            c.rollback();
            // identity resolution goes through narrow functions, one identity at a time
            assertEquals(List.of("30001"), codes(c, "SELECT guichet FROM sne_client_api_actif('editeur-logis')"));
            c.rollback();
        }
    }

    @Test
    void theAuditTrailIsAppendOnly() throws SQLException {
        try (Connection c = appConnection()) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO audit (territoire, acteur, action, objet_type) VALUES ('038', 'test', 'LECTURE', 'TEST')");
            }
            c.commit();
            for (String sql : List.of("UPDATE audit SET acteur = 'effacé'", "DELETE FROM audit", "TRUNCATE audit",
                    "UPDATE audit_defaut SET acteur = 'effacé'")) {
                SQLException refused = assertThrows(SQLException.class, () -> {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate(sql);
                    }
                }, sql);
                assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
                c.rollback();
            }
            // other territories' audit rows are not readable either
            setTerritory(c, "030");
            assertEquals(List.of(), codes(c, "SELECT acteur FROM audit WHERE acteur = 'test'"));
            c.rollback();
        }
        // even the owner cannot change a row: the trigger refuses
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection owner = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             Statement s = owner.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit SET acteur = 'effacé'"));
            assertTrue(refused.getMessage().contains("ajout seul"), refused.getMessage());
        }
    }

    @Test
    void tenantTransactionsApplyTheScopeToRepositoriesCode() {
        assertEquals(List.of("30001", "30002", "30003"),
                transactions.inScope(Scope.territoireReadOnly("030"), () -> desks()));
        assertEquals(7, transactions.inScope(Scope.nationalReadOnly(), () -> desks()).size());
        assertEquals(List.of(), transactions.withoutScope(() -> desks()));
    }

    @Test
    void aNestedScopeHoldsForTheNestedWorkOnlyAndNeverWidensTheCaller() {
        List<List<String>> vus = transactions.inScope(Scope.territoireReadOnly("030"), () -> {
            List<String> avant = desks();
            int national = transactions.inScope(Scope.nationalReadOnly(), () -> desks()).size();
            List<String> apres = desks();
            return List.of(avant, List.of(String.valueOf(national)), apres);
        });
        assertEquals(List.of("30001", "30002", "30003"), vus.get(0));
        assertEquals(List.of("7"), vus.get(1));
        assertEquals(List.of("30001", "30002", "30003"), vus.get(2), "the caller's territory is restored");
    }

    @Test
    void nationalScopeIsReadOnly() {
        RuntimeException refused = assertThrows(RuntimeException.class, () ->
                transactions.inScope(Scope.nationalReadOnly(), () -> jdbc.prepareStatement(
                        "UPDATE guichet SET nom = nom WHERE code = '38001'", PreparedStatement::executeUpdate)));
        assertTrue(String.valueOf(rootMessage(refused)).contains("read-only"), rootMessage(refused));
    }

    private List<String> desks() {
        return jdbc.prepareStatement("SELECT code FROM guichet ORDER BY code", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<String> codes = new ArrayList<>();
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
                return codes;
            }
        });
    }

    private static void setTerritory(Connection c, String territory) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('sne.territoire', ?, true)")) {
            ps.setString(1, territory);
            ps.execute();
        }
    }

    private static List<String> codes(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> codes = new ArrayList<>();
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
            return codes;
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
