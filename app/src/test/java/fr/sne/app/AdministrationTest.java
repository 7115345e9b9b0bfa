package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The territorial administration through its pages, as GTs, agents, the national assistance and
 * administrators use it: who may do what, where, and what the audit trail keeps of it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private WebClient signedIn(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    private static String habilitationId(String html, String titulaire, String action) {
        Matcher m = Pattern.compile(Pattern.quote(titulaire) + ".*?/pro/admin/habilitations/(\\d+)/" + action, Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "no '" + action + "' button for " + titulaire);
        return m.group(1);
    }

    @Test
    void aGtCertifiesARequestAndTheAgentCanWork() {
        WebClient agent = signedIn("nouvel.agent@sne.test");
        assertTrue(agent.page("/pro").body().contains("Demander une habilitation"));
        HttpResponse<String> demande = agent.submit("/pro/habilitations/demande",
                Map.of("guichet", "38002", "profil", "CONSULTANT_SIMPLE", "motif", "Arrivée au service logement"));
        assertEquals(303, demande.statusCode(), demande.body());
        // asking twice is explained, not duplicated
        HttpResponse<String> again = agent.submit("/pro/habilitations/demande", Map.of("guichet", "38002", "profil", "CONSULTANT_SIMPLE"));
        assertEquals(422, again.statusCode());
        assertTrue(again.body().contains("déjà une demande en cours"), again.body());

        WebClient gt = signedIn("gt.isere@sne.test");
        String pending = gt.page("/pro/admin/habilitations?statut=DEMANDEE").body();
        String id = habilitationId(pending, "Inès Garnier", "certifier");

        // the GT of another territory does not even see it; a consultant may not certify
        assertEquals(404, signedIn("gt.gard@sne.test").submit("/pro/admin/habilitations/" + id + "/certifier", Map.of()).statusCode());
        assertEquals(403, signedIn("consultant@sne.test").submit("/pro/admin/habilitations/" + id + "/certifier", Map.of()).statusCode());
        // the national assistance reads, never changes
        WebClient support = signedIn("support@sne.test");
        assertTrue(support.page("/pro/admin/habilitations?statut=DEMANDEE").body().contains("Inès Garnier"));
        assertEquals(403, support.submit("/pro/admin/habilitations/" + id + "/certifier", Map.of()).statusCode());

        assertEquals(303, gt.submit("/pro/admin/habilitations/" + id + "/certifier", Map.of()).statusCode());
        // a double click certifies once: the second request changes nothing and records nothing
        assertEquals(303, gt.submit("/pro/admin/habilitations/" + id + "/certifier", Map.of()).statusCode());
        String changes = gt.page("/pro/admin/audit?objet=HABILITATION&action=MODIFICATION").body();
        assertEquals(1, changes.split("HABILITATION " + id + "<", -1).length - 1, changes);
        // refusing a request that was certified meanwhile is a conflict
        assertEquals(409, gt.submit("/pro/admin/habilitations/" + id + "/refuser", Map.of()).statusCode());

        String pro = agent.page("/pro").body();
        assertTrue(pro.contains("Consultant simple — Commune de Saint-Égrève (38002)"), pro);

        String audit = gt.page("/pro/admin/audit?objet=HABILITATION").body();
        assertTrue(audit.contains("HABILITATION " + id), audit);
        assertTrue(audit.contains("gt.isere@sne.test"), audit);
    }

    @Test
    void aGtSuspendsAndReactivatesAUser() {
        WebClient gt = signedIn("gt.isere@sne.test");
        String id = habilitationId(gt.page("/pro/admin/habilitations?statut=ACTIVE").body(), "Sophie Girard", "suspendre");
        assertEquals(303, gt.submit("/pro/admin/habilitations/" + id + "/suspendre", Map.of()).statusCode());

        WebClient agent = signedIn("agent.stegreve@sne.test");
        assertTrue(agent.page("/pro").body().contains("pas encore d’habilitation active"));
        assertEquals(403, agent.page("/pro/admin/guichets").statusCode());

        assertEquals(303, gt.submit("/pro/admin/habilitations/" + id + "/reactiver", Map.of()).statusCode());
        assertTrue(agent.page("/pro").body().contains("Guichet enregistreur — Commune de Saint-Égrève (38002)"));
        // a GT cannot act on their own habilitation
        String own = habilitationId(signedIn("admin@sne.test").page("/pro/admin/habilitations?statut=ACTIVE").body(),
                "Claire Moreau", "suspendre");
        assertEquals(403, gt.submit("/pro/admin/habilitations/" + own + "/suspendre", Map.of()).statusCode());
    }

    @Test
    void desksAreValidatedWithClearFrenchMessages() {
        WebClient gt = signedIn("gt.isere@sne.test");
        HttpResponse<String> invalid = gt.submit("/pro/admin/guichets", Map.of("code", "38001", "nom", "Doublon",
                "type", "BAILLEUR", "siret", "123 456 789 00012", "commune", "99999"));
        assertEquals(422, invalid.statusCode());
        String body = invalid.body();
        assertTrue(body.contains("Le code 38001 est déjà attribué au guichet « ACTIS »"), body);
        assertTrue(body.contains("n&#39;est pas valide : sa clé de contrôle est fausse") || body.contains("n'est pas valide : sa clé de contrôle est fausse"), body);
        assertTrue(body.contains("Commune inconnue : aucune commune actuelle n&#39;a le code INSEE 99999")
                || body.contains("Commune inconnue : aucune commune actuelle n'a le code INSEE 99999"), body);
        assertTrue(body.contains("aria-invalid=\"true\""), "fields in error are marked for assistive technologies");

        HttpResponse<String> otherTerritory = gt.submit("/pro/admin/guichets", Map.of("code", "38990", "nom", "Ailleurs",
                "type", "COMMUNE", "siret", "13002526500013", "commune", "30189"));
        assertEquals(422, otherTerritory.statusCode());
        assertTrue(otherTerritory.body().contains("La commune Nîmes (30189) n&#39;appartient pas au territoire Isère (038)")
                || otherTerritory.body().contains("La commune Nîmes (30189) n'appartient pas au territoire Isère (038)"), otherTerritory.body());

        HttpResponse<String> created = gt.submit("/pro/admin/guichets", Map.of("code", "38990", "nom", "CCAS de Voiron",
                "type", "CCAS_AUTRE", "siret", "130 025 265 00013", "commune", "38563", "courriel", "ccas@voiron.sne.test"));
        assertEquals(303, created.statusCode(), created.body());
        String list = gt.page("/pro/admin/guichets").body();
        assertTrue(list.contains("CCAS de Voiron"), list);
        assertFalse(list.contains("Logis Cévenols"), "another territory's desks are not listed");

        // another territory's desk does not exist for this GT; an agent may not create desks; no CSRF token, no change
        assertEquals(404, gt.page("/pro/admin/guichets/30001").statusCode());
        assertEquals(403, signedIn("agent.actis@sne.test").submit("/pro/admin/guichets", Map.of("code", "38991", "nom", "X",
                "type", "BAILLEUR", "siret", "13002526500013", "commune", "38185")).statusCode());
        assertEquals(403, gt.submit("/pro/admin/guichets/38990", Map.of("csrfToken", "", "nom", "Piraté", "type", "BAILLEUR",
                "siret", "13002526500013", "commune", "38563", "version", "1")).statusCode());
        assertTrue(gt.page("/pro/admin/guichets/38990").body().contains("CCAS de Voiron"));

        // a stale form does not overwrite a newer change
        assertEquals(303, gt.submit("/pro/admin/guichets/38990", Map.of("nom", "CCAS de Voiron (centre)", "type", "CCAS_AUTRE",
                "siret", "13002526500013", "commune", "38563", "version", "1")).statusCode());
        assertEquals(409, gt.submit("/pro/admin/guichets/38990", Map.of("nom", "Version périmée", "type", "CCAS_AUTRE",
                "siret", "13002526500013", "commune", "38563", "version", "1")).statusCode());
    }

    @Test
    void aDeactivatedApiClientIsRefused() {
        WebClient gt = signedIn("gt.isere@sne.test");
        HttpResponse<String> created = gt.submit("/pro/admin/clients-api",
                Map.of("clientId", "editeur-test-desactivation", "guichet", "38003", "libelle", "Logiciel de test"));
        assertEquals(303, created.statusCode(), created.body());
        String token = fr.sne.devservices.SharedTestServices.get().oidcProvider().jetonClient("editeur-test-desactivation", 600);
        assertEquals(200, api(token).statusCode());

        assertEquals(303, gt.submit("/pro/admin/clients-api/editeur-test-desactivation/activation", Map.of("actif", "false")).statusCode());
        assertEquals(401, api(token).statusCode());
        // a client id taken in another territory cannot be registered again, and says so
        HttpResponse<String> duplicate = signedIn("gt.gard@sne.test").submit("/pro/admin/clients-api",
                Map.of("clientId", "editeur-test-desactivation", "guichet", "30002"));
        assertEquals(422, duplicate.statusCode());
        assertTrue(duplicate.body().contains("Cet identifiant de client est déjà utilisé."), duplicate.body());
        // the Gard's GT cannot register a client on an Isère desk
        assertEquals(422, signedIn("gt.gard@sne.test").submit("/pro/admin/clients-api",
                Map.of("clientId", "editeur-intrus", "guichet", "38001")).statusCode());
    }

    private HttpResponse<String> api(String token) {
        WebClient web = new WebClient(server);
        return web.send(java.net.http.HttpRequest.newBuilder(web.uri("/api/v1.0/appelant"))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    @Test
    void aReviewConfirmsAndRevokesInOneGoButNeverOnesOwn() {
        WebClient gt = signedIn("gt.isere@sne.test");
        String page = gt.page("/pro/admin/revue").body();
        String consultant = checkbox(page, "Lucas Petit");
        String own = checkbox(page, "Claire Moreau");
        HttpResponse<String> confirmed = gt.submit("/pro/admin/revue",
                Map.of("h-" + consultant, "1", "h-" + own, "1", "decision", "confirmer"));
        assertEquals(303, confirmed.statusCode());
        assertTrue(WebClient.location(confirmed).endsWith("traitees=1"), WebClient.location(confirmed));
        String audit = gt.page("/pro/admin/audit?objet=HABILITATION&action=MODIFICATION").body();
        assertTrue(audit.contains("HABILITATION " + consultant + "<"), audit);
        assertTrue(audit.contains("REVUE"), audit);
        // the national assistance cannot run a review
        assertEquals(403, signedIn("support@sne.test").submit("/pro/admin/revue",
                Map.of("h-" + consultant, "1", "decision", "revoquer")).statusCode());
        assertTrue(gt.page("/pro/admin/revue").body().contains("Lucas Petit"), "still active after the refused revocation");
    }

    private static String checkbox(String html, String titulaire) {
        Matcher m = Pattern.compile("name=\"h-(\\d+)\"[^<]*/>\\s*<label[^>]*><span class=\"fr-sr-only\">Sélectionner " + Pattern.quote(titulaire))
                .matcher(html);
        assertTrue(m.find(), "no checkbox for " + titulaire + " in " + html);
        return m.group(1);
    }

    @Test
    void anAdministratorCreatesTheIleDeFranceTerritory() {
        WebClient admin = signedIn("admin@sne.test");
        HttpResponse<String> invalid = admin.submit("/pro/admin/territoires", Map.of("code", "11", "nom", "Île-de-France",
                "mode", "SNE", "delai", "36", "departements", "75, 77, 38, 999"));
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.body().contains("3 chiffres"), invalid.body());
        assertTrue(invalid.body().contains("Le département 38 appartient déjà au territoire 038.")
                || invalid.body().contains("Département inconnu : 999."), invalid.body());
        HttpResponse<String> created = admin.submit("/pro/admin/territoires", Map.of("code", "111", "nom", "Île-de-France",
                "mode", "SNE", "delai", "36", "departements", "75, 77, 78, 91, 92, 93, 94, 95", "evenementsVisibles", "true"));
        assertEquals(303, created.statusCode(), created.body());
        String list = admin.page("/pro/admin/territoires").body();
        assertTrue(list.contains("75, 77, 78, 91, 92, 93, 94, 95"), list);
        // a GT cannot create territories
        assertEquals(403, signedIn("gt.isere@sne.test").submit("/pro/admin/territoires", Map.of("code", "112", "nom", "X",
                "mode", "SNE", "delai", "12", "departements", "2A")).statusCode());
    }

    @Test
    void theAssistanceReadsEverywhereAndChangesNothing() {
        WebClient support = signedIn("support@sne.test");
        String list = support.page("/pro/admin/guichets").body();
        assertTrue(list.contains("ACTIS") && list.contains("Logis Cévenols"), list);
        assertEquals(403, support.submit("/pro/admin/guichets/38001", Map.of("nom", "X", "type", "BAILLEUR",
                "siret", "13002526500013", "commune", "38185", "version", "1")).statusCode());
        assertEquals(403, support.submit("/pro/admin/guichets/38001/activation", Map.of("actif", "false")).statusCode());
        assertEquals(403, support.submit("/pro/admin/clients-api", Map.of("clientId", "pirate", "guichet", "38001")).statusCode());
        assertTrue(support.page("/pro/admin/audit").statusCode() == 200);
        assertEquals(403, support.page("/pro/admin/territoires/038").statusCode());
    }

    @Test
    void eachGtSeesOnlyTheirTerritorysAudit() {
        WebClient gard = signedIn("gt.gard@sne.test");
        String id = habilitationId(gard.page("/pro/admin/habilitations?statut=ACTIVE").body(), "Thomas Fabre", "suspendre");
        assertEquals(303, gard.submit("/pro/admin/habilitations/" + id + "/suspendre", Map.of()).statusCode());
        assertEquals(303, gard.submit("/pro/admin/habilitations/" + id + "/reactiver", Map.of()).statusCode());

        assertTrue(gard.page("/pro/admin/audit?objet=HABILITATION").body().contains("HABILITATION " + id));
        WebClient isere = signedIn("gt.isere@sne.test");
        String audit = isere.page("/pro/admin/audit?objet=HABILITATION").body();
        assertFalse(audit.contains("HABILITATION " + id + "<"), "the Gard's audit is not visible in Isère");
        assertFalse(audit.contains("gt.gard@sne.test"), audit);

        HttpResponse<String> csv = isere.page("/pro/admin/audit/export.csv?action=LECTURE");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains("horodatage;territoire;acteur"), csv.body());
        assertTrue(csv.body().contains("\"HABILITATIONS\""), "reads of habilitation lists are audited: " + csv.body());
        assertFalse(csv.body().contains("\"030\""), csv.body());
        // the export itself is audited
        assertTrue(isere.page("/pro/admin/audit?action=EXPORT").body().contains("gt.isere@sne.test"));
    }

    @Test
    void severalHabilitationsMeanChoosingOneAndSwitching() {
        WebClient manager = signedIn("manager.actis@sne.test");
        assertEquals(303, manager.submit("/pro/habilitations/demande", Map.of("guichet", "38003", "profil", "CONSULTANT_SENSIBLE")).statusCode());
        WebClient gt = signedIn("gt.isere@sne.test");
        String id = habilitationId(gt.page("/pro/admin/habilitations?statut=DEMANDEE").body(), "Karim Benali", "certifier");
        assertEquals(303, gt.submit("/pro/admin/habilitations/" + id + "/certifier", Map.of()).statusCode());

        HttpResponse<String> home = manager.page("/pro");
        assertEquals(303, home.statusCode());
        assertTrue(WebClient.location(home).endsWith("/pro/habilitation"));
        String choice = manager.page("/pro/habilitation").body();
        assertTrue(choice.contains("Consultant sensible — Pôle Habitat Social (38003)"), choice);
        assertEquals(422, manager.submit("/pro/habilitation", Map.of("habilitation", "999999")).statusCode());
        assertEquals(303, manager.submit("/pro/habilitation", Map.of("habilitation", id)).statusCode());
        String pro = manager.page("/pro").body();
        assertTrue(pro.contains("Consultant sensible — Pôle Habitat Social (38003)"), pro);
        assertTrue(pro.contains("Changer d’habilitation"), pro);
    }
}
