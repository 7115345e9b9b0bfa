package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forums' row-level security through the application's role (V28): a territory's space's
 * topics and posts are read only in its territory's scope (or a national one), and no scope can
 * file a row under a space it does not see.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForumRlsTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    TenantTransactions transactions;

    @Inject
    JdbcOperations jdbc;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(SharedServicesTest.super.getProperties());
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    @AfterAll
    void effacer() throws Exception {
        ForumTest.effacerForums();
    }

    private long compter(Scope scope, String sql, long id) {
        return transactions.inScope(scope, () -> jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    @Test
    void aTerritorysTopicsStayInTheirTerritory() {
        WebClient gtIsere = new WebClient(server);
        gtIsere.signInAs(ForumTest.GT_ISERE);
        long categorie = ForumTest.categorie(gtIsere, "isere", ForumTest.unique("RLS"), "0", false);
        long sujet = ForumTest.sujet(gtIsere, categorie, ForumTest.unique("Sujet RLS"), "Réservé à l'Isère");
        String messages = "SELECT count(*) FROM forum_message WHERE sujet_id = ?";
        assertEquals(1, compter(Scope.territoireReadOnly("038"), messages, sujet));
        assertEquals(1, compter(Scope.nationalReadOnly(), messages, sujet));
        assertEquals(0, compter(Scope.territoireReadOnly("030"), messages, sujet), "hidden from another territory");
        assertEquals(0, compter(Scope.territoireReadOnly("030"), "SELECT count(*) FROM forum_sujet WHERE id = ?", sujet));

        // in the Gard's scope, nothing can be written under the Isère's space (not even as "national")
        long auteur = ForumTest.utilisateur(ForumTest.GT_GARD);
        // read before: a nested scoped call would join (and widen) the Gard's transaction
        long isere = espaceIsere();
        RuntimeException refus = assertThrows(RuntimeException.class, () -> transactions.inScope(Scope.territoire("030"), () -> jdbc.prepareStatement("""
                INSERT INTO forum_message (espace_id, sujet_id, auteur_id, markdown, html, cree_le)
                VALUES (?, ?, ?, 'intrus', '<p>intrus</p>', now())""", ps -> {
            ps.setLong(1, isere);
            ps.setLong(2, sujet);
            ps.setLong(3, auteur);
            return ps.executeUpdate();
        })));
        assertTrue(String.valueOf(refus.getMessage()).contains("hors de la portée") || String.valueOf(refus.getCause()).contains("hors de la portée"), refus.toString());
        assertEquals(1, compter(Scope.nationalReadOnly(), messages, sujet), "nothing was added");
    }

    private long espaceIsere() {
        return transactions.inScope(Scope.nationalReadOnly(), () -> jdbc.prepareStatement("SELECT id FROM espace WHERE slug = 'isere'", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
