package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application's life in a real browser: the applicant renews online; a landlord's agent
 * radiates for an attribution, correcting a mistake; national support restores it. Screenshots
 * under target/screenshots, each page checked with axe-core (WCAG 2.1 A/AA).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleBrowserTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    @Test
    void theApplicantRenewsTheirApplicationOnline() {
        // an applicant of their own (as MaDemandeBrowserTest): the demo persona's account is shared by other tests
        String email = "renouvelle." + MaDemandeTest.nom("x") + "@exemple.fr";
        String numero = MaDemandeTest.enregistree(server, email).numero();
        FabriqueDemandes.sql("UPDATE demande SET date_prochain_renouvellement = ? WHERE numero_unique = ?", today().plusDays(25), numero);
        try (BrowserContext context = navigateur.contexte();
             Page page = context.newPage()) {
            page.navigate(url("/demande"));
            page.locator("#email-particulier").fill(email);
            page.locator("button:has-text('Se connecter comme particulier')").click();
            page.waitForURL(url("/demande"));

            page.navigate(url("/mes-demandes/" + numero));
            assertTrue(page.locator("#cycle").textContent().contains("Vous pouvez renouveler votre demande dès maintenant"));
            navigateur.verifier(page, "cycle-demandeur-a-renouveler");

            page.locator("#renouveler").click();
            page.waitForURL(url("/mes-demandes/" + numero + "/renouvellement"));
            assertTrue(page.locator("main").textContent().contains("votre numéro unique et votre date de dépôt ne changent pas"));
            navigateur.verifier(page, "cycle-demandeur-confirmation");

            page.locator("#confirmer").click();
            page.waitForURL(u -> u.endsWith("/mes-demandes/" + numero + "#cycle"));
            assertTrue(page.locator("#renouvellement-confirme").textContent().contains("Votre demande est renouvelée"));
            assertEquals(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today().plusYears(1)),
                    page.locator("#renouvellement").textContent().strip());
            navigateur.verifier(page, "cycle-demandeur-renouvelee");
        }
    }

    @Test
    void aLandlordsAgentRadiatesWithTheAttributionAndSupportRestoresIt() {
        String numero = new FabriqueDemandes(server).creer("editeur-stegreve",
                FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Bail"), "Ines", "1987-02-14").famille(true, 2));
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "agent.actis@sne.test");
            page.navigate(url("/pro/demandes/" + numero));
            navigateur.verifier(page, "cycle-pro-demande-active");

            page.locator("#radier").click();
            page.waitForURL(url("/pro/demandes/" + numero + "/radiation"));
            navigateur.verifier(page, "cycle-pro-radiation-motif");
            page.locator("label[for='motif-RADATT']").click();
            page.locator("#continuer").click();
            page.waitForURL(u -> u.endsWith("/radiation?motif=RADATT"));
            navigateur.verifier(page, "cycle-pro-radiation-attribution");

            // a mistake: a 7-character RPLS id, no contingent
            page.locator("#attribution-dateSignatureBail").fill(today().toString());
            page.locator("#attribution-rpls").fill("38A0012");
            page.locator("#confirmer-radiation").click();
            page.waitForLoadState();
            assertEquals(1, page.locator("#resume-erreurs").count());
            assertTrue(page.locator("#attribution-rpls-erreur").textContent().contains("exactement 10 caractères"));
            assertTrue(page.locator("#attribution-contingent-erreur").isVisible());
            navigateur.verifier(page, "cycle-pro-radiation-erreurs");

            page.locator("#attribution-rpls").fill("38A0012345");
            page.locator("#attribution-contingent").selectOption("COLACT");
            page.locator("#attribution-reservataire").fill("Action Logement Services");
            page.locator("#attribution-dateCommission").fill(today().minusDays(8).toString());
            page.locator("#confirmer-radiation").click();
            page.waitForURL(u -> u.endsWith("/pro/demandes/" + numero + "#cycle"));
            assertTrue(page.locator("#radiation-motif").textContent().contains("RADATT"));
            assertTrue(page.locator("#radiation").textContent().contains("38A0012345"));
            assertTrue(page.locator("#radiation").textContent().contains("Action Logement Services"));
            navigateur.verifier(page, "cycle-pro-demande-radiee");
        }
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "support@sne.test");
            page.navigate(url("/pro/demandes/" + numero));
            page.locator("#deradier").click();
            page.waitForURL(url("/pro/demandes/" + numero + "/deradiation"));
            page.locator("#motif").fill("Bail signé par un homonyme : radiation saisie sur la mauvaise demande.");
            navigateur.verifier(page, "cycle-pro-deradiation");
            page.locator("#confirmer-deradiation").click();
            page.waitForURL(u -> u.endsWith("/pro/demandes/" + numero + "#cycle"));
            assertTrue(page.locator("#radiations-levees").textContent().contains("homonyme"));
            navigateur.verifier(page, "cycle-pro-demande-deradiee");
        }
    }
}
