package fr.sne.app;

import fr.sne.community.recherche.Acces;
import fr.sne.community.recherche.DocumentIndexe;
import fr.sne.community.recherche.Indexation;
import fr.sne.community.recherche.MoteurRecherche;
import fr.sne.community.recherche.ReconstructionIndex;
import fr.sne.community.recherche.SourceIndexation;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search engine through HTTP: the API for scripts (anonymous callers and API clients of two
 * territories), the search page for signed-in personas, and the national administrators' rebuild.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
@Property(name = "sne.test.recherche", value = "true")
class MoteurRechercheTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    MoteurRecherche moteur;
    @Inject
    Indexation indexation;
    @Inject
    List<SourceIndexation> sources;
    @Inject
    ReconstructionIndex reconstruction;

    @BeforeAll
    void construire() {
        moteur.reconstruire(sources);
    }

    private HttpResponse<String> api(String client, String query) {
        WebClient web = new WebClient(server);
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri("/api/v1.0/recherche" + query)).header("Accept", "application/json");
        if (client != null) {
            r.header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient(client, 600));
        }
        return web.send(r.GET().build());
    }

    @Test
    void anonymousCallersFindPublicContentOnly() {
        HttpResponse<String> r = api(null, "?q=cotation");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String body = r.body();
        assertTrue(body.contains("\"total\":2"), body);
        assertTrue(body.contains("\"extrait\":\"La <mark>cotation</mark> attribue des points"), body);
        assertTrue(body.contains("\"url\":\"/info/faq/2\""), body);
        assertFalse(body.contains("Guide de la cotation"), body);
        assertFalse(body.contains("Isère") || body.contains("Gard"), body);
        // facet counts only count the public items: no local page, no guide
        assertFalse(body.contains("\"code\":\"page-locale\""), body);
        assertFalse(body.contains("\"code\":\"guide\""), body);
        assertFalse(body.contains("\"code\":\"gard\""), body);
        assertTrue(body.contains("{\"code\":\"cotation\",\"libelle\":\"Cotation\",\"nombre\":1,\"selectionnee\":false}"), body);
    }

    @Test
    void anApiClientFindsProfessionalContentAndItsTerritorysNeverAnothers() {
        String isere = api("editeur-actis", "?q=cotation").body();
        assertTrue(isere.contains("\"total\":4"), isere);
        assertTrue(isere.contains("\"titre\":\"Grille de cotation de l’Isère\""), isere);
        assertTrue(isere.contains("\"titre\":\"Guide de la cotation pour les guichets\""), isere);
        assertFalse(isere.contains("Gard"), isere);
        assertTrue(isere.contains("{\"code\":\"page-locale\",\"libelle\":\"Page locale\",\"nombre\":1,\"selectionnee\":false}"), isere);
        assertFalse(isere.contains("\"code\":\"gard\""), isere);

        String gard = api("editeur-logis", "?q=cotation&type=page-locale").body();
        assertTrue(gard.contains("\"total\":1"), gard);
        assertTrue(gard.contains("\"titre\":\"Grille de cotation du Gard\""), gard);
        assertFalse(gard.contains("Isère"), gard);
        // a word only the other territory's page holds is neither found nor suggested
        String zircon = api("editeur-logis", "?q=zircom").body();
        assertTrue(zircon.contains("\"total\":0"), zircon);
        assertTrue(zircon.contains("\"suggestion\":\"zircone\""), zircon);
    }

    @Test
    void filtersPagesAndSuggestion() {
        String notes = api(null, "?q=version&type=note-version&page=3").body();
        assertTrue(notes.contains("\"total\":24") && notes.contains("\"page\":3") && notes.contains("\"pages\":3"), notes);
        String suggestion = api(null, "?q=cotasion").body();
        assertTrue(suggestion.contains("\"suggestion\":\"cotation\""), suggestion);
        String recent = api(null, "?theme=sne&tri=date").body();
        assertTrue(recent.indexOf("Maintenance programmée") < recent.indexOf("Note de version 4.1\""), recent);
    }

    @Test
    void badParametersAnswerAFrenchProblem() {
        for (String query : List.of("", "?q=", "?q=cotation&page=abc", "?q=cotation&page=0", "?q=cotation&page=101",
                "?q=cotation&periode=hier", "?q=cotation&tri=hasard", "?q=" + "a".repeat(1_001))) {
            HttpResponse<String> r = api(null, query);
            assertEquals(400, r.statusCode(), query + " → " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), query);
            assertTrue(r.body().contains("\"title\":\"Requête invalide\""), r.body());
            assertTrue(r.body().contains("\"anomalies\":[{"), r.body());
        }
        assertTrue(api(null, "?q=cotation&page=abc").body().contains("La page doit être un nombre entier."));
        // hostile text is not a bad parameter: it is searched leniently
        for (String q : List.of("%22cotation", "cotation)(", "AND%20OR", "titre%3A", "*", "*a*", "cot*")) {
            HttpResponse<String> r = api(null, "?q=" + q);
            assertEquals(200, r.statusCode(), q + " → " + r.body());
        }
    }

    @Test
    void theApiIsDocumented() {
        WebClient web = new WebClient(server);
        String openapi = web.send(HttpRequest.newBuilder(web.uri("/api/openapi.yml")).GET().build()).body();
        assertTrue(openapi.contains("/api/v1.0/recherche:") && openapi.contains("Rechercher dans l’information et la communauté"), openapi);
    }

    @Test
    void aChangeIsFoundThroughTheApiOnceVisible() {
        indexation.indexer(new DocumentIndexe("test:nrt", "actualite", "Incident de messagerie résolu",
                "La messagerie fonctionne de nouveau.", List.of("sne"), null, Instant.now(), "/info/actualites/9", Set.of(Acces.PUBLIC)));
        moteur.attendreVisibilite();
        assertTrue(api(null, "?q=messagerie").body().contains("\"total\":1"));
        indexation.supprimer("test:nrt");
        moteur.attendreVisibilite();
        assertTrue(api(null, "?q=messagerie").body().contains("\"total\":0"));
    }

    @Test
    void theSearchPageShowsEachPersonWhatTheyMayOpen() {
        WebClient anonyme = new WebClient(server);
        HttpResponse<String> publique = anonyme.page("/recherche?q=cotation");
        assertEquals(200, publique.statusCode());
        assertTrue(publique.body().contains("2 résultats pour « cotation »"), publique.body());
        assertFalse(publique.body().contains("Guide de la"), publique.body());
        // the header's search box is on every page, anonymous or not
        assertTrue(anonyme.page("/info").body().contains("action=\"/recherche\""));
        assertTrue(anonyme.page("/").body().contains("action=\"/recherche\""));

        WebClient agent = new WebClient(server);
        agent.signInAs("agent.actis@sne.test");
        String isere = agent.page("/recherche?q=grille").body();
        assertTrue(isere.contains("Grille de cotation de l’Isère") || isere.contains("<mark>Grille</mark> de cotation de l’Isère"), isere);
        assertFalse(isere.contains("du Gard"), isere);
        assertTrue(agent.page("/pro").body().contains("action=\"/recherche\""));

        WebClient gt = new WebClient(server);
        gt.signInAs("gt.gard@sne.test");
        String gard = gt.page("/recherche?q=grille").body();
        assertTrue(gard.contains("du Gard"), gard);
        assertFalse(gard.contains("Isère"), gard);

        WebClient national = new WebClient(server);
        national.signInAs("support@sne.test");
        String tout = national.page("/recherche?q=grille").body();
        assertTrue(tout.contains("du Gard") && tout.contains("Isère"), tout);

        // a lenient page: a bad page number is no error
        assertEquals(200, anonyme.page("/recherche?q=cotation&page=zzz&periode=hier").statusCode());
        assertEquals(200, anonyme.page("/recherche").statusCode());
    }

    @Test
    void aNationalAdministratorAsksForARebuildWhichTheJobRuns() throws Exception {
        WebClient gt = new WebClient(server);
        gt.signInAs("gt.isere@sne.test");
        assertEquals(403, gt.page("/pro/admin/recherche").statusCode());
        assertEquals(403, gt.submit("/pro/admin/recherche/reconstruction", Map.of()).statusCode());

        WebClient support = new WebClient(server);
        support.signInAs("support@sne.test");
        String lecture = support.page("/pro/admin/recherche").body();
        assertTrue(lecture.contains("Moteur de recherche"), lecture);
        assertFalse(lecture.contains("Reconstruire l’index"), "national assistance sees, does not rebuild");
        assertEquals(403, support.submit("/pro/admin/recherche/reconstruction", Map.of()).statusCode());

        WebClient admin = new WebClient(server);
        admin.signInAs("admin@sne.test");
        assertTrue(admin.page("/pro/admin/recherche").body().contains("Reconstruire l’index"));
        assertEquals(403, admin.submit("/pro/admin/recherche/reconstruction", Map.of("csrfToken", "faux")).statusCode());
        HttpResponse<String> demande = admin.submit("/pro/admin/recherche/reconstruction", Map.of());
        assertEquals(303, demande.statusCode(), demande.body());
        assertEquals("/pro/admin/recherche?message=demandee", WebClient.location(demande));
        assertTrue(admin.page("/pro/admin/recherche?message=demandee").body().contains("En attente"));

        // meanwhile a change comes live; the rebuild keeps it
        indexation.indexer(new DocumentIndexe("test:pendant", "actualite", "Formation des gestionnaires",
                "Session de formation.", List.of("sne"), null, Instant.now(), "/info/actualites/10", Set.of(Acces.PUBLIC)));
        assertTrue(reconstruction.executer(Instant.now()).isPresent(), "the pending request is served");
        moteur.attendreVisibilite();
        assertTrue(api(null, "?q=cotation").body().contains("\"total\":2"));
        String page = admin.page("/pro/admin/recherche").body();
        assertTrue(page.contains("Terminée") && page.contains("Demandée par un administrateur national"), page);
        assertTrue(page.contains("Marc Lefèvre"), page);

        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             PreparedStatement ps = c.prepareStatement("""
                     SELECT count(*) FROM audit WHERE objet_type = 'reconstruction_recherche' AND acteur = 'admin@sne.test'""")) {
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertTrue(rs.getInt(1) >= 1);
        }
        // nothing pending any more: the next run does nothing (the index was rebuilt)
        assertTrue(reconstruction.executer(Instant.now()).isEmpty());
    }
}
