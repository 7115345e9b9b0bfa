package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.core.avis.EnvoiAvis;
import fr.sne.core.avis.PlanificationAvis;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The renewal notices in the browser: the default run's SMS outbox, the desk's renewal letters
 * (printing a batch), the notices on the professionals' and the applicant's pages; every page
 * passes the checks of {@link Navigateur#verifier} (axe-core included), screenshots in
 * target/screenshots.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class AvisRenouvellementBrowserTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    PlanificationAvis planification;

    @Inject
    EnvoiAvis envoi;

    private final Navigateur navigateur = Navigateur.partage();

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @Test
    void smsOutboxLettersToPrintAndTheNoticesOnBothPages() {
        LocalDate aujourdhui = AvisFixture.aujourdhui();
        String email = "avis." + MaDemandeTest.nom("x") + "@exemple.fr";
        String enLigne = MaDemandeTest.enregistree(server, email).numero();
        String guichet = new AvisFixture(server).creerIsere("Courrier", null, null);
        AvisFixture.echeance(enLigne, aujourdhui.plusDays(25));
        AvisFixture.echeance(guichet, aujourdhui.plusDays(40));
        planification.planifier(aujourdhui);
        envoi.envoyer(Instant.now());

        try (BrowserContext context = navigateur.contexte(); Page page = context.newPage()) {
            page.navigate(url("/dev/sms"));
            assertTrue(page.locator("main table").textContent().contains(Pdfs.numeroLisible(enLigne)));
            navigateur.verifier(page, "dev-sms");
        }

        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "agent.actis@sne.test");
            page.locator("main a[href='/pro/courriers/renouvellement']").click();
            page.waitForURL(url("/pro/courriers/renouvellement"));
            assertTrue(page.locator("main").textContent().contains(Pdfs.numeroLisible(guichet)));
            navigateur.verifier(page, "pro-courriers-renouvellement");

            page.locator("main form[action='/pro/courriers/renouvellement/impression'] button[type=submit]").first().click();
            page.waitForURL(u -> u.contains("/pro/courriers/renouvellement?lot="));
            assertTrue(page.locator(".fr-alert--success").textContent().contains("imprimé"));
            navigateur.verifier(page, "pro-courriers-renouvellement-lot-imprime");

            page.navigate(url("/pro/demandes/" + enLigne));
            assertTrue(page.locator("#avis-renouvellement").textContent().contains("SMS"));
            assertEquals(3, page.locator("#avis-renouvellement tbody tr").count(), "e-mail, SMS, registered letter");
            navigateur.verifier(page, "pro-demande-avis-renouvellement");
        }

        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "gt.isere@sne.test");
            page.navigate(url("/pro/courriers/renouvellement"));
            assertTrue(page.locator("main").textContent().contains("Demandes en ligne (lot du territoire)"));
            assertTrue(page.locator("main").textContent().contains(Pdfs.numeroLisible(enLigne)));
            navigateur.verifier(page, "pro-courriers-renouvellement-gt");
        }

        try (BrowserContext context = navigateur.contexte(); Page page = context.newPage()) {
            page.navigate(url("/demande"));
            page.locator("#email-particulier").fill(email);
            page.locator("button:has-text('Se connecter comme particulier')").click();
            page.waitForURL(url("/demande"));
            page.navigate(url("/mes-demandes/" + enLigne));
            assertTrue(page.locator("#avis-renouvellement").textContent().contains("Courriel"));
            navigateur.verifier(page, "ma-demande-avis-renouvellement");
        }
    }
}
