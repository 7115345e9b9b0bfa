package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The information site's row-level security, through the application's role (V25): national
 * content is read by everybody and written only in a writable national scope; a territory's
 * local pages are read and written only in that territory's scope (or read nationally), whatever
 * the code asks.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteInformationRlsTest implements SharedServicesTest {


    @Inject
    TenantTransactions transactions;

    @Inject
    JdbcOperations jdbc;

    private long national;
    private long isere;

    @BeforeAll
    void articles() throws SQLException {
        try (Connection c = SiteInformationTest.owner()) {
            national = inserer(c, null, "PUBLIC");
            isere = inserer(c, "038", "TERRITOIRE");
        }
    }

    private static long inserer(Connection c, String territoire, String audience) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO article (territoire, slug, type, titre, audience, statut, publication_le, auteur)
                VALUES (?, ?, 'ACTUALITE', 'Test RLS', ?, 'PUBLIE', now(), 'test') RETURNING id""")) {
            ps.setString(1, territoire);
            ps.setString(2, "rls-" + UUID.randomUUID());
            ps.setString(3, audience);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final String PAR_ID = "SELECT count(*) FROM article WHERE id = ?";

    private long compter(Scope scope, long id) {
        return transactions.inScope(scope, () -> compter(PAR_ID, id));
    }

    /** The public's reading: no scope at all. */
    private long compterPublic(long id) {
        return transactions.withoutScope(() -> compter(PAR_ID, id));
    }

    private long compter(String sql, long id) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private int modifier(Scope scope, String sql, long id) {
        return transactions.inScope(scope, () -> jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }));
    }

    @AfterAll
    void effacer() throws Exception {
        SiteInformationTest.effacerArticles();
    }

    @Test
    void nationalContentIsReadByAllAndWrittenOnlyInAWritableNationalScope() {
        assertEquals(1, compterPublic(national), "the public, without any scope");
        assertEquals(1, compter(Scope.territoireReadOnly("030"), national));
        assertEquals(1, compter(Scope.nationalReadOnly(), national));

        String maj = "UPDATE article SET titre = 'modifié' WHERE id = ?";
        assertEquals(0, modifier(Scope.territoire("038"), maj, national), "a territory's scope cannot change it");
        assertEquals(0, modifier(Scope.territoire("038"), "DELETE FROM article WHERE id = ?", national));
        assertThrows(RuntimeException.class, () -> modifier(Scope.nationalReadOnly(), maj, national), "read-only national scope");
        assertEquals(1, modifier(Scope.nationalEcriture(), maj, national));
        assertThrows(RuntimeException.class, () -> modifier(Scope.territoire("038"), """
                INSERT INTO article (slug, type, titre, audience, statut, auteur)
                VALUES ('rls-intrus-' || ?, 'ACTUALITE', 'Intrus', 'PUBLIC', 'BROUILLON', 'intrus')""", System.nanoTime()),
                "a territory's scope cannot create national content");
    }

    @Test
    void aTerritorysPagesStayInTheirTerritory() {
        assertEquals(0, compterPublic(isere), "hidden from the public");
        assertEquals(1, compter(Scope.territoireReadOnly("038"), isere));
        assertEquals(0, compter(Scope.territoireReadOnly("030"), isere), "hidden from another territory");
        assertEquals(1, compter(Scope.nationalReadOnly(), isere), "read by national roles");

        String maj = "UPDATE article SET titre = 'détourné' WHERE id = ?";
        assertEquals(0, modifier(Scope.territoire("030"), maj, isere), "GT 030 cannot change 038's page");
        assertEquals(0, modifier(Scope.territoire("030"), "DELETE FROM article WHERE id = ?", isere));
        assertEquals(0, modifier(Scope.nationalEcriture(), maj, isere), "the national write scope is for national content only");
        assertEquals(1, modifier(Scope.territoire("038"), maj, isere));
        assertThrows(RuntimeException.class, () -> modifier(Scope.territoire("038"),
                "UPDATE article SET territoire = '030' WHERE id = ?", isere), "a page cannot be moved to another territory");
        assertThrows(RuntimeException.class, () -> modifier(Scope.territoire("030"), """
                INSERT INTO article (territoire, slug, type, titre, audience, statut, auteur)
                VALUES ('038', 'rls-intrus-' || ?, 'ACTUALITE', 'Intrus', 'TERRITOIRE', 'BROUILLON', 'intrus')""", System.nanoTime()),
                "nobody writes another territory's page");
    }

    @Test
    void attachmentsFollowTheirArticle() {
        String piece = """
                INSERT INTO article_piece (article_id, nom, type_mime, taille, cle_objet)
                VALUES (?, 'a.txt', 'text/plain', 1, 'rls/' || gen_random_uuid())""";
        assertThrows(RuntimeException.class, () -> modifier(Scope.territoire("030"), piece, isere),
                "no attachment on another territory's page");
        assertThrows(RuntimeException.class, () -> modifier(Scope.territoire("038"), piece, national),
                "no attachment on national content from a territory's scope");
        assertEquals(1, modifier(Scope.territoire("038"), piece, isere));
        assertEquals(1, modifier(Scope.nationalEcriture(), piece, national));
        assertEquals(1, transactions.inScope(Scope.territoireReadOnly("038"), () -> compter(
                "SELECT count(*) FROM article_piece WHERE article_id = ?", isere)));
        assertEquals(0, transactions.inScope(Scope.territoireReadOnly("030"), () -> compter(
                "SELECT count(*) FROM article_piece WHERE article_id = ?", isere)));
    }
}
