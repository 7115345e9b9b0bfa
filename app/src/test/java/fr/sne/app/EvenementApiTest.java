package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gestion partagée through the vendors' API (contract v1.0, "Events", and the priority data
 * extension): the catalogue, a desk's events created, listed and deleted (201/400/403/404/204),
 * movements and audit written with them, priority data with If-Match.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvenementApiTest implements SharedServicesTest {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @Inject
    EmbeddedServer server;

    @Inject
    TenantTransactions transactions;

    @Inject
    JdbcOperations jdbc;

    private FabriqueDemandes fabrique;
    private WebClient web;

    @BeforeAll
    void setUp() {
        fabrique = new FabriqueDemandes(server);
        web = new WebClient(server);
    }

    private static LocalDate aujourdhui() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private String demande() {
        return fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Evenement"), "Lina", "1988-04-12"));
    }

    private HttpResponse<String> envoyer(String methode, String client, String path, String corps, String... entetes) {
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                .header("Accept", "application/json");
        for (int i = 0; i < entetes.length; i += 2) {
            r.header(entetes[i], entetes[i + 1]);
        }
        if (corps != null) {
            r.header("Content-Type", "application/json");
        }
        return web.send(r.method(methode, corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corps))
                .build());
    }

    private HttpResponse<String> ajouter(String client, String numero, String type, LocalDate date, String commentaire) {
        return envoyer("POST", client, "/api/v1.0/demandes/" + numero + "/evenements",
                "{\"type\": \"%s\", \"dateSurvenance\": \"%s\"%s}".formatted(type, date,
                        commentaire == null ? "" : ", \"commentaire\": \"" + commentaire + "\""));
    }

    private static long id(HttpResponse<String> r) {
        Matcher m = ID.matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    private static void probleme(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    @Test
    void theCatalogueListsEveryKindWithItsFlags() {
        HttpResponse<String> r = fabrique.get("editeur-logis", "/api/v1.0/referentiels/evenements");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("{\"code\":\"CREDEM\",\"libelle\":\"Création de la demande\",\"reglementaire\":false,"
                + "\"origine\":\"SYSTEME\",\"visibleDemandeur\":true}"), r.body());
        assertTrue(r.body().contains("{\"code\":\"TENAD00022\",\"libelle\":\"Demande d’informations ou de pièces justificatives\","
                + "\"reglementaire\":true,\"origine\":\"GUICHET\",\"visibleDemandeur\":true}"), r.body());
        assertTrue(r.body().contains("\"code\":\"VALDEM\"") && r.body().contains("\"code\":\"DESCAL\""), r.body());
        // documented in French in the OpenAPI document
        String openapi = web.send(HttpRequest.newBuilder(web.uri("/api/openapi.yml")).GET().build()).body();
        assertTrue(openapi.contains("/api/v1.0/demandes/{numeroUnique}/evenements/{id}:")
                && openapi.contains("/api/v1.0/demandes/{numeroUnique}/priorite:") && openapi.contains("/api/v1.0/referentiels/evenements:")
                && openapi.contains("Supprimer un événement saisi par le guichet de l'appelant"), openapi);
        assertFalse(openapi.contains("/pro/demandes/{numero}/evenements"), "pages are not API");
    }

    @Test
    void aDeskAddsListsAndDeletesItsEvent() {
        String numero = demande();
        HttpResponse<String> cree = ajouter("editeur-actis", numero, "TENAD00022", aujourdhui(), "Avis d'imposition 2025");
        assertEquals(201, cree.statusCode(), cree.body());
        long id = id(cree);
        assertEquals("/api/v1.0/demandes/" + numero + "/evenements/" + id, cree.headers().firstValue("Location").orElse(""));
        assertTrue(cree.body().contains("\"type\":\"TENAD00022\"") && cree.body().contains("\"createur\":\"38001\"")
                && cree.body().contains("\"reglementaire\":true") && cree.body().contains("\"supprime\":false"), cree.body());
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'EVT'", numero));
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM audit WHERE objet_type = 'EVENEMENT' AND objet_id = ? "
                + "AND action = 'CREATION' AND acteur = 'client:editeur-actis'", String.valueOf(id)));

        // another desk of the territory reads it, with the system's creation event
        HttpResponse<String> liste = fabrique.get("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/evenements");
        assertEquals(200, liste.statusCode(), liste.body());
        assertTrue(liste.body().contains("\"id\":" + id + ",\"type\":\"TENAD00022\",\"libelle\":\"Demande d’informations ou de pièces "
                + "justificatives\",\"origine\":\"GUICHET\",\"createur\":\"38001\""), liste.body());
        assertTrue(liste.body().contains("\"type\":\"CREDEM\"") && liste.body().contains("\"origine\":\"SYSTEME\""), liste.body());
        assertTrue(liste.body().contains("\"dateSurvenance\":\"" + aujourdhui() + "\""), liste.body());
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM audit WHERE objet_type = 'EVENEMENTS' AND objet_id = ? "
                + "AND action = 'LECTURE' AND acteur = 'client:editeur-stegreve'", numero), "the read is audited");

        // only the desk that entered it deletes it; another territory does not know it
        probleme(envoyer("DELETE", "editeur-stegreve", "/api/v1.0/demandes/" + numero + "/evenements/" + id, null), 403);
        probleme(envoyer("DELETE", "editeur-logis", "/api/v1.0/demandes/" + numero + "/evenements/" + id, null), 404);
        assertEquals(204, envoyer("DELETE", "editeur-actis", "/api/v1.0/demandes/" + numero + "/evenements/" + id, null).statusCode());
        HttpResponse<String> lu = fabrique.get("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/evenements/" + id);
        assertEquals(200, lu.statusCode(), lu.body());
        assertTrue(lu.body().contains("\"supprime\":true") && lu.body().contains("\"supprimeLe\":"), "still listed, flagged: " + lu.body());
        assertEquals(2, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'EVT'", numero));
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM audit WHERE objet_type = 'EVENEMENT' AND objet_id = ? "
                + "AND action = 'SUPPRESSION'", String.valueOf(id)));
        // deleting again changes nothing
        assertEquals(204, envoyer("DELETE", "editeur-actis", "/api/v1.0/demandes/" + numero + "/evenements/" + id, null).statusCode());
        assertEquals(2, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'EVT'", numero));
    }

    @Test
    void refusedEntriesWriteNothing() {
        String numero = demande();
        HttpResponse<String> futur = ajouter("editeur-actis", numero, "VISPRO", aujourdhui().plusDays(1), null);
        probleme(futur, 400);
        assertTrue(futur.body().contains("\"champ\":\"dateSurvenance\"") && futur.body().contains("\"code\":\"DATE_FUTURE\""), futur.body());
        HttpResponse<String> inconnu = ajouter("editeur-actis", numero, "PIRATE", aujourdhui(), null);
        probleme(inconnu, 400);
        assertTrue(inconnu.body().contains("\"champ\":\"type\"") && inconnu.body().contains("\"code\":\"CODE_INCONNU\""), inconnu.body());
        HttpResponse<String> systeme = ajouter("editeur-actis", numero, "CREDEM", aujourdhui(), null);
        probleme(systeme, 400);
        assertTrue(systeme.body().contains("\"code\":\"TYPE_SYSTEME\""), systeme.body());
        probleme(envoyer("POST", "editeur-actis", "/api/v1.0/demandes/" + numero + "/evenements", "{\"type\": \"VISPRO\","), 400);
        probleme(ajouter("editeur-logis", numero, "VISPRO", aujourdhui(), null), 404);
        probleme(ajouter("editeur-actis", "038010100000138001", "VISPRO", aujourdhui(), null), 404);
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM evenement WHERE numero_unique = ? AND origine = 'GUICHET'", numero));
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'EVT'", numero));

        // the register's own events are never deleted, not even by the desk that caused them
        long creation = FabriqueDemandes.nombre("SELECT id FROM evenement WHERE numero_unique = ? AND code = 'CREDEM'", numero);
        probleme(envoyer("DELETE", "editeur-actis", "/api/v1.0/demandes/" + numero + "/evenements/" + creation, null), 403);
        probleme(envoyer("DELETE", "editeur-actis", "/api/v1.0/demandes/" + numero + "/evenements/999999999", null), 404);
        HttpResponse<String> autre = fabrique.get("editeur-logis", "/api/v1.0/demandes/" + numero + "/evenements");
        probleme(autre, 404);
    }

    @Test
    void priorityDataAreChangedWithIfMatch() {
        String numero = demande();
        String chemin = "/api/v1.0/demandes/" + numero + "/priorite";
        HttpResponse<String> vide = fabrique.get("editeur-stegreve", chemin);
        assertEquals(200, vide.statusCode(), vide.body());
        assertTrue(vide.body().contains("\"statutDalo\":\"NON\"") && vide.body().contains("\"version\":0"), vide.body());
        String etag = vide.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + numero + "-priorite-0\"", etag);

        String corps = """
                {"statutDalo": "ACTIF", "dateDecisionDalo": "2026-01-15", "categories": ["HAND", "VIOL"],
                 "labelsLocaux": ["Accord collectif départemental"], "contingents": ["PPRIOR", "COLTER"]}""";
        probleme(envoyer("PUT", "editeur-actis", chemin, corps), 428);
        HttpResponse<String> invalide = envoyer("PUT", "editeur-actis", chemin, corps.replace("\"PPRIOR\"", "\"AUCUN\""), "If-Match", etag);
        probleme(invalide, 400);
        assertTrue(invalide.body().contains("\"code\":\"AUCUN_EXCLUSIF\""), invalide.body());
        HttpResponse<String> ok = envoyer("PUT", "editeur-actis", chemin, corps, "If-Match", etag);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"version\":1") && ok.body().contains("\"modifiePar\":\"38001\"")
                && ok.body().contains("\"contingents\":[\"PPRIOR\",\"COLTER\"]"), ok.body());
        assertEquals("\"" + numero + "-priorite-1\"", ok.headers().firstValue("ETag").orElse(""));
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'MOD' "
                + "AND parties = '{DALO,PRIO,CONT}'", numero));
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM audit WHERE objet_type = 'PRIORITE' AND objet_id = ? "
                + "AND action = 'CREATION' AND apres->>'statutDalo' = 'ACTIF'", numero));

        // a stale version is refused, nothing written; another desk of the territory changes the current one
        HttpResponse<String> perimee = envoyer("PUT", "editeur-stegreve", chemin, corps.replace("\"HAND\", ", ""), "If-Match", etag);
        probleme(perimee, 412);
        assertTrue(perimee.body().contains("\"versionActuelle\":1"), perimee.body());
        HttpResponse<String> contingents = envoyer("PUT", "editeur-stegreve", chemin, corps.replace("\"PPRIOR\", ", ""),
                "If-Match", "\"" + numero + "-priorite-1\"");
        assertEquals(200, contingents.statusCode(), contingents.body());
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'MOD' "
                + "AND parties = '{CONT}'", numero), "only the contingents changed");
        probleme(fabrique.get("editeur-logis", chemin), 404);
        assertFalse(contingents.body().contains("agent"), contingents.body());
    }

    private long sql(Scope scope, String sql, Object... params) {
        return transactions.inScope(scope, () -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            if (sql.startsWith("SELECT")) {
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            return (long) ps.executeUpdate();
        }));
    }

    @Test
    void rowLevelSecurityKeepsEventsAndPriorityDataInTheirTerritory() {
        String numero = demande();
        long id = id(ajouter("editeur-actis", numero, "VISPRO", aujourdhui(), null));
        assertEquals(200, envoyer("PUT", "editeur-actis", "/api/v1.0/demandes/" + numero + "/priorite",
                "{\"statutDalo\": \"NON\", \"contingents\": [\"COLACT\"]}", "If-Match", "\"" + numero + "-priorite-0\"").statusCode());
        assertEquals(1, sql(Scope.territoireReadOnly("038"), "SELECT count(*) FROM priorite_demande WHERE numero_unique = ?", numero));
        assertEquals(0, sql(Scope.territoireReadOnly("030"), "SELECT count(*) FROM priorite_demande WHERE numero_unique = ?", numero));
        assertEquals(0, sql(Scope.territoireReadOnly("030"), "SELECT count(*) FROM evenement WHERE numero_unique = ?", numero));
        assertEquals(0, sql(Scope.territoire("030"), "UPDATE evenement SET supprime_le = now(), supprime_par = 'x' WHERE id = ?", id));
        assertEquals(0, sql(Scope.territoire("030"), "UPDATE priorite_demande SET contingents = '{}' WHERE numero_unique = ?", numero));
        assertThrows(RuntimeException.class, () -> sql(Scope.territoire("030"), """
                INSERT INTO priorite_demande (territoire, numero_unique, statut_dalo, auteur) VALUES ('038', ?, 'NON', 'x')""", numero));
        // an event never changes, only its deletion flag; the register's own events are never deleted
        assertThrows(RuntimeException.class, () -> sql(Scope.territoire("038"), "UPDATE evenement SET commentaire = 'x' WHERE id = ?", id));
        assertThrows(RuntimeException.class, () -> sql(Scope.territoire("038"), """
                UPDATE evenement SET supprime_le = now(), supprime_par = 'x' WHERE numero_unique = ? AND code = 'CREDEM'""", numero));
        assertThrows(RuntimeException.class, () -> sql(Scope.territoire("038"), "DELETE FROM evenement WHERE id = ?", id));
        // "hors contingent" stands alone, in the database too
        assertThrows(RuntimeException.class, () -> sql(Scope.territoire("038"),
                "UPDATE priorite_demande SET contingents = '{AUCUN,COLTER}' WHERE numero_unique = ?", numero));
    }
}
