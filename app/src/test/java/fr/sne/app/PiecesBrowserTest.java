package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documents' journey in a real browser (issue #6): the applicant uploads from "Mes pièces
 * justificatives" (on a desktop and on a 360 px phone), a refused file says why next to its
 * field; then a desk opens the application, sees the document, requalifies it and sets its
 * relevance, and meets a stale form. Screenshots under target/screenshots, axe-core on each page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PiecesBrowserTest implements SharedServicesTest {

    private static final Pattern DEPOSEE = Pattern.compile("deposee=(\\d+)");

    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();
    private Path dossier;

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private Path fichier(String nom, byte[] octets) {
        try {
            if (dossier == null) {
                dossier = Files.createTempDirectory("sne-pieces-navigateur");
            }
            Path f = dossier.resolve(nom);
            Files.write(f, octets);
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void nettoyer() throws IOException {
        if (dossier != null) {
            try (Stream<Path> s = Files.walk(dossier)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void connecterDemandeur(Page page, String email) {
        page.navigate(url("/demande"));
        page.locator("#email-particulier").fill(email);
        page.locator("button:has-text('Se connecter comme particulier')").click();
        page.waitForURL(url("/demande"));
    }

    @Test
    void theApplicantUploadsFromThePortalThenADeskRequalifiesIt() {
        String email = "navigateur.pieces." + MaDemandeTest.nom("x") + "@exemple.fr";
        MaDemandeTest.Enregistree e = MaDemandeTest.enregistree(server, email);
        String numero = e.numero();
        long carte;

        // the applicant, on a desktop
        try (BrowserContext context = navigateur.contexte(); Page page = context.newPage()) {
            connecterDemandeur(page, email);
            page.navigate(url("/mes-demandes/" + numero));
            assertTrue(page.locator("#pieces").textContent().contains("Mes pièces justificatives"));
            navigateur.verifier(page, "pieces-portail-ma-demande");
            page.locator("#gerer-pieces").click();
            page.waitForURL(url("/mes-demandes/" + numero + "/pieces"));
            assertTrue(page.locator("#attendue-identite-demandeur").textContent().contains("À fournir"));
            navigateur.verifier(page, "pieces-portail");

            page.locator("#attendue-identite-demandeur label:has-text('Carte nationale')").click();
            page.locator("#fichier-identite-demandeur").setInputFiles(fichier("carte-identite.pdf",
                    PiecesFixture.pdfUnique("Carte nationale d'identité")));
            page.locator("#attendue-identite-demandeur button[type=submit]").click();
            page.waitForURL(u -> u.contains("deposee="));
            Matcher m = DEPOSEE.matcher(page.url());
            assertTrue(m.find());
            carte = Long.parseLong(m.group(1));
            assertTrue(page.locator("#message").textContent().contains("carte-identite.pdf"));
            assertTrue(page.locator("#attendue-identite-demandeur").textContent().contains("Fournie"));
            navigateur.verifier(page, "pieces-portail-deposee");

            // a file that is not a document: refused, the reason next to the field it was sent from
            page.locator("#fichier-ressources-salaires").setInputFiles(fichier("bulletins.txt",
                    "Mes trois derniers bulletins".getBytes(StandardCharsets.UTF_8)));
            page.locator("#attendue-ressources-salaires button[type=submit]").click();
            page.waitForLoadState();
            assertTrue(page.locator("#fichier-ressources-salaires-erreur").textContent().contains("PDF"),
                    page.locator("#fichier-ressources-salaires-erreur").textContent());
            assertEquals(1, page.locator("#resume-erreurs").count());
            navigateur.verifier(page, "pieces-portail-refus");
        }

        // the same applicant on a phone (360 px): a photo of the co-holder's passport
        try (BrowserContext context = navigateur.contexte(); Page page = context.newPage()) {
            page.setViewportSize(360, 740);
            connecterDemandeur(page, email);
            page.navigate(url("/mes-demandes/" + numero + "/pieces"));
            navigateur.verifier(page, "pieces-portail-telephone");
            assertTrue(page.locator("#attendue-identite-cotitulaire-0 button[type=submit]").boundingBox().height >= 44,
                    "a button for a finger");
            page.locator("#attendue-identite-cotitulaire-0 label:has-text('Passeport')").click();
            page.locator("#fichier-identite-cotitulaire-0").setInputFiles(fichier("passeport.jpg",
                    PiecesFixture.echantillon("testJPEG_GEO.jpg")));
            page.locator("#attendue-identite-cotitulaire-0 button[type=submit]").click();
            page.waitForURL(u -> u.contains("deposee="));
            assertTrue(page.locator("#attendue-identite-cotitulaire-0").textContent().contains("Fournie"));
            navigateur.verifier(page, "pieces-portail-telephone-deposee");
        }

        // a desk opens the application, sees the document, requalifies it and sets its relevance
        PiecesPages.attendreAnalyse(carte);
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "agent.actis@sne.test");
            page.navigate(url("/pro/demandes/" + numero));
            assertTrue(page.locator("#piece-" + carte).textContent().contains("Carte nationale"),
                    page.locator("#piece-" + carte).textContent());
            navigateur.verifier(page, "pieces-pro-demande");

            page.locator("#piece-" + carte + " a[href$='/pieces/" + carte + "']").click();
            page.waitForURL(url("/pro/demandes/" + numero + "/pieces/" + carte));
            navigateur.verifier(page, "pieces-pro-piece");

            page.locator("#piece-finValidite").fill("2031-05-04");
            page.locator("label[for='piece-pertinence-REGLEMENTAIRE']").click();
            page.locator("#piece-commentaire").fill("Identité vérifiée au guichet.");
            page.locator("#piece-sous-0-de").fill("1");
            page.locator("#piece-sous-0-a").fill("2");
            page.locator("#piece-sous-0-libelle").fill("Carte nationale d'identité, recto et verso");
            page.locator("#enregistrer-qualification").click();
            page.waitForURL(u -> u.endsWith("?message=requalifiee"));
            assertTrue(page.locator("#description").textContent().contains("Dans le périmètre réglementaire"));
            assertTrue(page.locator("#historique-piece").textContent().contains("Requalifiée"));
            navigateur.verifier(page, "pieces-pro-piece-requalifiee");

            // the territorial manager changes it while this page is open: nothing lost, both values shown
            WebClient gt = new WebClient(server);
            gt.signInAs("gt.isere@sne.test");
            String chemin = "/pro/demandes/" + numero + "/pieces/" + carte;
            Map<String, String> form = new LinkedHashMap<>();
            form.put("version", PiecesPages.cache(gt.page(chemin).body(), "version"));
            form.put("type", "CARTE_IDENTITE");
            form.put("finValidite", "2031-05-04");
            form.put("indicePertinence", "SUSPICION_FRAUDE");
            form.put("commentaire", "Photo à comparer avec le titulaire.");
            HttpResponse<String> r = gt.submit(chemin, form);
            assertEquals(303, r.statusCode(), r.body());
            page.locator("label[for='piece-pertinence-HORS_PERIMETRE']").click();
            page.locator("#enregistrer-qualification").click();
            page.waitForLoadState();
            assertTrue(page.locator("#conflit").textContent().contains("Claire Moreau"), page.locator("#conflit").textContent());
            assertTrue(page.locator("#piece-pertinence-HORS_PERIMETRE").isChecked(), "the desk's choice is kept");
            navigateur.verifier(page, "pieces-pro-conflit");

            // a file refused from the desk's panel
            page.navigate(url("/pro/demandes/" + numero));
            page.locator("#depot-fichier").setInputFiles(fichier("scan.txt", "pas un document".getBytes(StandardCharsets.UTF_8)));
            page.locator("#depot-piece button[type=submit]").click();
            page.waitForLoadState();
            assertTrue(page.locator("#depot-fichier-erreur").isVisible());
            navigateur.verifier(page, "pieces-pro-depot-refus");

            page.navigate(url(chemin + "/suppression"));
            assertEquals(1, page.locator("#confirmer-suppression").count());
            navigateur.verifier(page, "pieces-pro-suppression");
        }
    }

    /** The desk's view as the consultant sees it: the list only. */
    @Test
    void theSimpleConsultantSeesTheListOnly() {
        String numero = new FabriqueDemandes(server).creer("editeur-actis",
                FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Consultant"), "Lea", "1984-05-05"));
        WebClient actis = new WebClient(server);
        actis.signInAs("agent.actis@sne.test");
        HttpResponse<String> r = PiecesPages.envoyer(actis, "/pro/demandes/" + numero + "/pieces",
                Map.of("type", "QUITTANCE_LOYER", "fichier", new PiecesPages.Fichier("quittance.pdf", "application/pdf",
                        PiecesFixture.pdfUnique("Quittance de loyer"))));
        assertEquals(303, r.statusCode(), r.body());
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "consultant@sne.test");
            page.navigate(url("/pro/demandes/" + numero));
            assertEquals(0, page.locator("#pieces a[href$='/fichier']").count());
            assertEquals(0, page.locator("#depot-piece").count());
            navigateur.verifier(page, "pieces-pro-consultant");
        }
    }
}
