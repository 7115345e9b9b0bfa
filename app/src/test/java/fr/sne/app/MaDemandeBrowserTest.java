package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The applicant's registered application in a real browser: its page, the update of a step, a
 * field error and a stale save after a desk's change. Screenshots under target/screenshots,
 * each page checked with axe-core (WCAG 2.1 A/AA).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaDemandeBrowserTest implements SharedServicesTest {


    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();



    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private void check(Page page, String name) {
        navigateur.verifier(page, name);
    }

    @Test
    void theApplicantOpensTheirApplicationAndUpdatesIt() {
        String email = "navigateur." + MaDemandeTest.nom("x") + "@exemple.fr";
        MaDemandeTest.Enregistree e = MaDemandeTest.enregistree(server, email);
        String numero = e.numero();
        try (BrowserContext context = navigateur.contexte();
             Page page = context.newPage()) {
            page.navigate(url("/demande"));
            page.locator("#email-particulier").fill(email);
            page.locator("button:has-text('Se connecter comme particulier')").click();
            page.waitForURL(url("/demande"));

            page.navigate(url("/"));
            page.locator("a[href='/mes-demandes/" + numero + "']").click();
            page.waitForURL(url("/mes-demandes/" + numero));
            assertEquals(numero, page.locator("#numero").textContent().strip());
            assertEquals("Active", page.locator("#etat").textContent().strip());
            assertEquals(1, page.locator("a[href='/mes-demandes/" + numero + "/attestation.pdf?type=complete']").count());
            check(page, "ma-demande-enregistree");

            page.locator("a:has-text('Mettre à jour ma demande')").click();
            page.waitForURL(u -> u.endsWith("/identite"));
            assertTrue(page.getAttribute("#demandeur-nomNaissance", "readonly") != null, "civil status is read-only");
            check(page, "ma-demande-maj-identite");
            page.locator("#demandeur-telPortable").fill("0611223344");
            page.locator("button[name=action][value=continuer]").click();
            page.waitForURL(u -> u.endsWith("/famille"));
            check(page, "ma-demande-maj-famille");

            // a mistake: shown next to its field, nothing saved
            page.navigate(url("/mes-demandes/" + numero + "/ressources"));
            page.locator("#demandeur-ressourcesRecues-0-montant").fill("beaucoup");
            page.locator("button[name=action][value=continuer]").click();
            page.waitForLoadState();
            assertEquals(1, page.locator("#resume-erreurs").count());
            check(page, "ma-demande-maj-erreurs");

            // a desk changes the wanted housing while the applicant has the step open
            page.navigate(url("/mes-demandes/" + numero + "/recherche"));
            WebClient actis = new WebClient(server);
            actis.signInAs("agent.actis@sne.test");
            HttpResponse<String> guichet = actis.submitPairs("/pro/demandes/" + numero + "/modifier", List.of(
                    Map.entry("onglet", "recherche"), Map.entry("version", "2"), Map.entry("logementRecherche.communesSouhaitees", "38185"),
                    Map.entry("logementRecherche.typesLogement", "T2"), Map.entry("logementRecherche.loyerMaximum", "650"),
                    Map.entry("action", "modifier")));
            assertEquals(303, guichet.statusCode(), guichet.body());
            page.locator("#logementRecherche-etageMaximum").fill("2");
            page.locator("button[name=action][value=quitter]").click();
            page.waitForLoadState();
            assertTrue(page.locator("#conflit").textContent().contains("Le guichet ACTIS"), page.locator("#conflit").textContent());
            assertEquals("2", page.inputValue("#logementRecherche-etageMaximum"), "the applicant's value");
            assertEquals("650", page.inputValue("#logementRecherche-loyerMaximum"), "the desk's value, untouched by the applicant");
            check(page, "ma-demande-maj-conflit");

            // saving again applies it
            page.locator("button[name=action][value=quitter]").click();
            page.waitForURL(url("/mes-demandes/" + numero + "?message=modifiee"));
            check(page, "ma-demande-modifiee");
        }
    }
}
