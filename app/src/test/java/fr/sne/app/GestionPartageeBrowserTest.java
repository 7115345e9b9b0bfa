package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gestion partagée in a real browser: a desk agent adds events (one with a mistake first), deletes
 * one after confirming, records priority data; the applicant then sees the regulatory event and
 * not the deleted one. Screenshots under target/screenshots, each page checked with axe-core.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GestionPartageeBrowserTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @Test
    void anAgentAddsAndDeletesEventsThenTheApplicantSeesTheRegulatoryOne() {
        String email = "navigateur.suivi." + MaDemandeTest.nom("x") + "@exemple.fr";
        String numero = MaDemandeTest.enregistree(server, email).numero();
        LocalDate aujourdhui = LocalDate.now(ZoneId.of("Europe/Paris"));
        try (BrowserContext context = navigateur.contexte();
             Page page = navigateur.connecter(context, url(""), "agent.actis@sne.test")) {
            page.navigate(url("/pro/demandes/" + numero));
            assertEquals(1, page.locator("#historique").count());
            navigateur.verifier(page, "gestion-partagee-fiche");

            // a regulatory event: a request for documents
            page.selectOption("#evenement-type", "TENAD00022");
            page.fill("#evenement-date", aujourdhui.toString());
            page.fill("#evenement-commentaire", "Merci d’adresser votre dernier avis d’imposition.");
            page.locator("#ajout-evenement button[type=submit]").click();
            page.waitForURL(u -> u.contains("evenement=ajoute"));
            Locator pieces = page.locator("#historique-evenements tr:has-text('Demande d’informations ou de pièces justificatives')");
            assertEquals(1, pieces.count());
            assertTrue(pieces.textContent().contains("Réglementaire") && pieces.textContent().contains("ACTIS (38001)"));
            navigateur.verifier(page, "gestion-partagee-evenement-ajoute");

            // a mistake: a visit dated tomorrow, refused next to its field, then corrected
            page.selectOption("#evenement-type", "VISPRO");
            page.fill("#evenement-date", aujourdhui.plusDays(1).toString());
            page.locator("#ajout-evenement button[type=submit]").click();
            page.waitForLoadState();
            assertTrue(page.locator("#evenement-date-erreur").textContent().contains("postérieure à aujourd’hui"));
            assertEquals("true", page.getAttribute("#evenement-date", "aria-invalid"));
            assertEquals("VISPRO", page.inputValue("#evenement-type"), "the person's choice is kept");
            navigateur.verifier(page, "gestion-partagee-evenement-erreur");
            page.fill("#evenement-date", aujourdhui.toString());
            page.fill("#evenement-commentaire", "Visite prévue par erreur sur ce dossier.");
            page.locator("#ajout-evenement button[type=submit]").click();
            page.waitForURL(u -> u.contains("evenement=ajoute"));

            // the desk deletes its visit after confirming: still listed for professionals, flagged
            page.locator("#historique-evenements tr:has-text('Visite de logement proposée') a:has-text('Supprimer')").click();
            page.waitForURL(u -> u.endsWith("/suppression"));
            assertEquals("Visite de logement proposée", page.locator("#suppression-libelle").textContent().strip());
            navigateur.verifier(page, "gestion-partagee-suppression");
            page.locator("#confirmer-suppression").click();
            page.waitForURL(u -> u.contains("evenement=supprime"));
            Locator visite = page.locator("#historique-evenements tr:has-text('Visite de logement proposée')");
            assertTrue(visite.textContent().contains("Supprimé le"), visite.textContent());
            assertEquals(0, visite.locator("a:has-text('Supprimer')").count());
            navigateur.verifier(page, "gestion-partagee-evenement-supprime");

            // priority data from the panel
            page.locator("#priorite-ouvrir").click();
            page.locator("label[for='priorite-statutDalo-ACTIF']").click();
            page.fill("#priorite-dateDecisionDalo", aujourdhui.minusMonths(2).toString());
            page.locator("label[for='priorite-categories-HAND']").click();
            page.fill("#priorite-labelsLocaux", "Accord collectif départemental");
            page.locator("label[for='priorite-contingents-PPRIOR']").click();
            navigateur.verifier(page, "gestion-partagee-priorite-formulaire");
            page.locator("#priorite-formulaire button[type=submit]").click();
            page.waitForURL(u -> u.contains("priorite=modifiee"));
            assertEquals("Actif", page.locator("#priorite-statut").textContent().strip());
            navigateur.verifier(page, "gestion-partagee-priorite");
        }
        try (BrowserContext context = navigateur.contexte(); Page page = context.newPage()) {
            page.navigate(url("/demande"));
            page.locator("#email-particulier").fill(email);
            page.locator("button:has-text('Se connecter comme particulier')").click();
            page.waitForURL(url("/demande"));
            page.navigate(url("/mes-demandes/" + numero));
            String suivi = page.locator("#suivi-demande").textContent();
            assertTrue(suivi.contains("Demande d’informations ou de pièces justificatives")
                    && suivi.contains("Merci d’adresser votre dernier avis d’imposition."), suivi);
            assertFalse(suivi.contains("Visite de logement proposée"), "deleted: " + suivi);
            assertFalse(page.content().contains("Julie Martin"), "never the agent's name");
            navigateur.verifier(page, "gestion-partagee-demandeur");
        }
        try (BrowserContext context = navigateur.contexte();
             Page page = navigateur.connecter(context, url(""), "gt.isere@sne.test")) {
            page.navigate(url("/pro/admin/territoires/038"));
            assertEquals(1, page.locator("#evenementsVisibles").count());
            assertEquals(0, page.locator("input[name=delai]").count(), "the GT changes the portal's regulatory events only");
            navigateur.verifier(page, "gestion-partagee-territoire-gt");
            page.navigate(url("/pro/demandes?delaiAnormalementLong=non&attributionsMultiples=non&numero=" + numero));
            assertEquals(1, page.locator("a:has-text('" + numero + "')").count());
            navigateur.verifier(page, "gestion-partagee-recherche");
        }
    }
}
