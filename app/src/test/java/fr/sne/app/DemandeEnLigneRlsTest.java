package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Row-level security of online applications, through the application role and raw SQL: an
 * applicant's scope shows their own drafts and submissions only, a desk's scope its territory's
 * submissions and nobody's drafts; an applicant can neither decide on their application nor
 * submit for somebody else; what identifies a submission never changes.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandeEnLigneRlsTest implements SharedServicesTest {

    @Inject
    TenantTransactions transactions;

    @Inject
    JdbcOperations jdbc;

    private long anne;
    private long paul;
    private long brouillon;
    private long soumise;

    private static Connection owner() throws SQLException {
        Map<String, Object> p = SharedTestServices.properties();
        return DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql + " RETURNING id")) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    @BeforeAll
    void fixtures() throws SQLException {
        try (Connection c = owner()) {
            anne = insert(c, "INSERT INTO compte_demandeur (emetteur, sujet, email) VALUES ('test', ?, 'anne@exemple.fr')", UUID.randomUUID().toString());
            paul = insert(c, "INSERT INTO compte_demandeur (emetteur, sujet, email) VALUES ('test', ?, 'paul@exemple.fr')", UUID.randomUUID().toString());
            brouillon = insert(c, "INSERT INTO brouillon_en_ligne (compte_demandeur, document) VALUES (?, '{}')", anne);
            soumise = insert(c, """
                    INSERT INTO demande_en_ligne (territoire, id, compte_demandeur, statut, document, cree_le, date_depot)
                    VALUES ('038', nextval('demande_en_ligne_id_seq'), ?, 'SOUMISE', '{}', now(), current_date)""", anne);
        }
    }

    private long count(Scope scope, String sql, long id) {
        return transactions.inScope(scope, () -> jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }));
    }

    private int update(Scope scope, String sql, long id) {
        return transactions.inScope(scope, () -> jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }));
    }

    @Test
    void aDraftIsSeenByItsApplicantOnly() {
        String sql = "SELECT count(*) FROM brouillon_en_ligne WHERE id = ?";
        assertEquals(1, count(Scope.compte(anne), sql, brouillon));
        assertEquals(0, count(Scope.compte(paul), sql, brouillon));
        assertEquals(0, count(Scope.territoire("038"), sql, brouillon));
        assertEquals(0, count(Scope.nationalReadOnly(), sql, brouillon));
        assertEquals(0L, (long) transactions.withoutScope(() -> jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, brouillon);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        })));
        assertEquals(0, update(Scope.compte(paul), "UPDATE brouillon_en_ligne SET etape = 2 WHERE id = ?", brouillon));
        assertEquals(0, update(Scope.compte(paul), "DELETE FROM brouillon_en_ligne WHERE id = ?", brouillon));
        // nobody files a draft in somebody else's name
        assertThrows(RuntimeException.class, () -> update(Scope.compte(paul),
                "INSERT INTO brouillon_en_ligne (compte_demandeur, document) VALUES (?, '{}')", anne));
    }

    @Test
    void aSubmissionIsSeenByItsApplicantAndTheDesksOfItsTerritory() {
        String sql = "SELECT count(*) FROM demande_en_ligne WHERE id = ?";
        assertEquals(1, count(Scope.compte(anne), sql, soumise));
        assertEquals(0, count(Scope.compte(paul), sql, soumise));
        assertEquals(1, count(Scope.territoire("038"), sql, soumise));
        assertEquals(0, count(Scope.territoire("030"), sql, soumise));
        assertEquals(1, count(Scope.nationalReadOnly(), sql, soumise));
    }

    @Test
    void anApplicantCorrectsButNeverDecides() {
        assertEquals(1, update(Scope.compte(anne), "UPDATE demande_en_ligne SET version = version + 1 WHERE id = ?", soumise));
        assertEquals(0, update(Scope.compte(paul), "UPDATE demande_en_ligne SET version = version + 1 WHERE id = ?", soumise));
        assertThrows(RuntimeException.class, () -> update(Scope.compte(anne),
                "UPDATE demande_en_ligne SET statut = 'REFUSEE', motif_refus = 'moi-même' WHERE id = ?", soumise));
        assertThrows(RuntimeException.class, () -> update(Scope.compte(paul), """
                INSERT INTO demande_en_ligne (territoire, id, compte_demandeur, statut, document, cree_le, date_depot)
                VALUES ('038', nextval('demande_en_ligne_id_seq'), ?, 'SOUMISE', '{}', now(), current_date)""", anne));
        // a desk of another territory changes nothing
        assertEquals(0, update(Scope.territoire("030"), "UPDATE demande_en_ligne SET version = version + 1 WHERE id = ?", soumise));
    }

    @Test
    void theFilingDateAndTheTerritoryOfASubmissionNeverChange() {
        assertThrows(RuntimeException.class, () -> update(Scope.territoire("038"),
                "UPDATE demande_en_ligne SET date_depot = date_depot - 30 WHERE id = ?", soumise));
        assertThrows(RuntimeException.class, () -> update(Scope.compte(anne),
                "UPDATE demande_en_ligne SET date_depot = date_depot - 30 WHERE id = ?", soumise));
    }
}
