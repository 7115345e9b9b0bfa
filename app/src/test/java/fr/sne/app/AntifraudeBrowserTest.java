package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anti-fraud in a real browser: a desk agent's major change of name waits, the GT finds the desk
 * on the monitoring page and validates the change; the applicant reads their history. Screenshots
 * under target/screenshots, each page checked with axe-core (WCAG 2.1 A/AA).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AntifraudeBrowserTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private void check(Page page, String name) {
        navigateur.verifier(page, name);
    }

    private String creer(String nom) {
        String body = """
                {"demandeur": {"civilite": "2", "nomNaissance": "%s", "prenoms": "Camille", "dateNaissance": "1984-09-21",
                  "nationalite": "1", "telPortable": "0607080910",
                  "adresse": {"numero": "5", "voie": "rue Lesdiguières", "codePostal": "38000", "communeInsee": "38185"}},
                 "logementRecherche": {"typesLogement": ["T3"], "communesSouhaitees": ["38185"]}}""".formatted(nom);
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes"))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient("editeur-actis", 600))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"").matcher(r.body());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void theGtFindsTheDeskAndValidatesAPendingNameChange() {
        String nom = "Navigateur" + Pdfs.lettres(5);
        String nouveau = "Renommee" + Pdfs.lettres(5);
        String numero = creer(nom);

        // the desk agent changes the birth name: saved, but waiting
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "agent.actis@sne.test");
            page.navigate(url("/pro/demandes/" + numero + "/modifier"));
            page.locator("[id='demandeur.nomNaissance']").fill(nouveau);
            page.locator("button[name=action][value=modifier]").click();
            page.waitForURL(url("/pro/demandes/" + numero + "?message=nom-en-attente"));
            assertTrue(page.locator(".fr-alert--success").textContent().contains("changement de nom en attente de validation"));
            assertTrue(page.locator("#changements-nom").textContent().contains("Vous ne pouvez pas décider de ce changement."));
            check(page, "antifraude-agent-nom-en-attente");
        }

        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "gt.isere@sne.test");
            page.locator("main a[href='/pro/surveillance-noms']").click();
            page.waitForURL(url("/pro/surveillance-noms"));
            assertTrue(page.locator("#tableau-guichets").textContent().contains("ACTIS (38001)"));
            assertEquals(1, page.locator("figure svg[role=img]").count(), "the bar chart");
            check(page, "antifraude-surveillance");

            page.locator("#tableau-guichets a:has-text('ACTIS (38001)')").click();
            page.waitForURL(u -> u.contains("/pro/surveillance-noms/guichets/38001"));
            assertTrue(page.locator("#changements").textContent().contains(numero));
            check(page, "antifraude-surveillance-guichet");

            page.locator("#changements a:has-text('" + numero + "')").first().click();
            page.waitForURL(url("/pro/demandes/" + numero));
            assertTrue(page.locator("#changements-nom-alerte").isVisible());
            check(page, "antifraude-demande-changement-en-attente");

            page.locator("#changements-nom button:has-text('Valider')").click();
            page.waitForURL(u -> u.contains("/changements-nom/") && u.endsWith("?message=valide"));
            assertTrue(page.locator(".fr-alert--success").textContent().contains("Le changement de nom est validé"));
            assertTrue(page.locator("#decision").textContent().contains("Validé par Claire Moreau"));
            check(page, "antifraude-changement-valide");

            page.locator("a:has-text('Revenir à la demande')").click();
            page.waitForURL(url("/pro/demandes/" + numero));
            assertTrue(page.locator("main").textContent().contains(nouveau));
            assertFalse(page.locator("#changements-nom-alerte").isVisible());
        }
    }

    @Test
    void theGtRefusesWithAReasonAfterAMissingOne() {
        String numero = creer("Refus" + Pdfs.lettres(5));
        WebClient actis = new WebClient(server);
        HttpResponse<String> put = actis.send(HttpRequest.newBuilder(actis.uri("/api/v1.0/demandes/" + numero))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient("editeur-actis", 600))
                .header("Content-Type", "application/json").header("If-Match", "\"" + numero + "-1\"")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"demandeur": {"civilite": "2", "nomNaissance": "Autrenom", "prenoms": "Camille", "dateNaissance": "1984-09-21",
                          "nationalite": "1", "telPortable": "0607080910",
                          "adresse": {"numero": "5", "voie": "rue Lesdiguières", "codePostal": "38000", "communeInsee": "38185"}},
                         "logementRecherche": {"typesLogement": ["T3"], "communesSouhaitees": ["38185"]}}""")).build());
        assertEquals(200, put.statusCode(), put.body());
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "gt.isere@sne.test");
            page.navigate(url("/pro/demandes/" + numero));
            page.locator("#changements-nom a, #changements-nom button").first().waitFor();
            // a refusal without a reason: the browser's required check is bypassed on purpose
            page.locator("#changements-nom textarea").evaluate("t => t.removeAttribute('required')");
            page.locator("#changements-nom button:has-text('Refuser')").click();
            page.waitForLoadState();
            assertTrue(page.locator("#motif-erreur").textContent().contains("Indiquez le motif du refus."));
            check(page, "antifraude-refus-sans-motif");
            page.locator("#motif").fill("Aucune pièce d’identité ne justifie ce nom.");
            page.locator("button:has-text('Refuser le changement de nom')").click();
            page.waitForURL(u -> u.endsWith("?message=refuse"));
            assertTrue(page.locator("#statut").textContent().contains("Refusé"));
            check(page, "antifraude-changement-refuse");
        }
    }

    @Test
    void theApplicantReadsTheHistoryOfTheirApplication() {
        String email = "navigateur.historique." + Pdfs.lettres(5) + "@exemple.fr";
        MaDemandeTest.Enregistree e = MaDemandeTest.enregistree(server, email);
        String numero = e.numero();
        WebClient actis = new WebClient(server);
        actis.signInAs("agent.actis@sne.test");
        assertEquals(303, actis.submitPairs("/pro/demandes/" + numero + "/modifier", java.util.List.of(
                java.util.Map.entry("onglet", "recherche"), java.util.Map.entry("version", "1"),
                java.util.Map.entry("logementRecherche.communesSouhaitees", "38185"),
                java.util.Map.entry("logementRecherche.typesLogement", "T2"), java.util.Map.entry("logementRecherche.loyerMaximum", "610"),
                java.util.Map.entry("action", "modifier"))).statusCode());
        try (BrowserContext context = navigateur.contexte(); Page page = context.newPage()) {
            page.navigate(url("/demande"));
            page.locator("#email-particulier").fill(email);
            page.locator("button:has-text('Se connecter comme particulier')").click();
            page.waitForURL(url("/demande"));
            page.navigate(url("/mes-demandes/" + numero));
            String historique = page.locator("#historique").textContent();
            assertTrue(historique.contains("Logement recherché : loyer maximum"), historique);
            assertTrue(historique.contains("Guichet ACTIS"), historique);
            assertFalse(historique.contains("Julie"), historique);
            page.locator("#historique").scrollIntoViewIfNeeded();
            check(page, "antifraude-historique-demandeur");
        }
    }
}
