package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search and duplicate pages in Chromium: a territorial manager searches, opens the advanced
 * criteria, reads the results; a desk agent looks for duplicates. Screenshots under
 * target/screenshots, axe-core (WCAG 2.1 A/AA) on every state.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RechercheBrowserTest implements SharedServicesTest {


    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();
    private String numero;
    private final String nom = FabriqueDemandes.nomUnique("Navigateur");

    @BeforeAll
    void start() throws IOException {
        numero = new FabriqueDemandes(server).creer("editeur-actis", FabriqueDemandes.Menage.de(nom + "-Lefèvre", "Jeanne Louise", "1979-07-08")
                .communes("38006").types("T3").famille(true, 1).priorite("ACTIF", "HAND"));
    }


    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private void check(Page page, String name) {
        navigateur.verifier(page, name);
    }

    private Page signIn(BrowserContext context, String email) {
        return navigateur.connecter(context, url(""), email);
    }

    @Test
    void aTerritorialManagerSearchesApplications() {
        try (BrowserContext context = navigateur.contexte()) {
            Page page = signIn(context, "gt.isere@sne.test");
            page.locator("main a[href='/pro/demandes']").first().click();
            page.waitForURL(url("/pro/demandes"));
            assertEquals("Rechercher des demandes", page.locator("h1").textContent());
            check(page, "recherche-demandes-formulaire");

            page.locator("#commune").fill("Allevard");
            page.locator("main form button[type=submit]").first().click();
            page.waitForURL(u -> u.contains("commune=Allevard"));
            assertTrue(page.locator("table caption").textContent().startsWith("Demandes trouvées, page 1 sur 1"));
            assertTrue(page.locator("table").textContent().contains(numero));
            assertTrue(page.locator("table").textContent().contains("Allevard"));
            check(page, "recherche-demandes-resultats");

            // the advanced criteria open in place
            page.locator("button[aria-controls='recherche-avancee']").click();
            page.locator("#tailleMin").waitFor();
            assertEquals("true", page.getAttribute("button[aria-controls='recherche-avancee']", "aria-expanded"));
            page.locator("#tailleMin").fill("2");
            page.locator("label[for='types-T3']").click();
            page.locator("#dalo").selectOption("ACTIF");
            page.locator("#tri").selectOption("TAILLE_DESC");
            check(page, "recherche-demandes-avancee");
            page.locator("main form button[type=submit]").first().click();
            page.waitForURL(u -> u.contains("tailleMin=2"));
            assertTrue(page.locator("table").textContent().contains(numero));
            check(page, "recherche-demandes-avancee-resultats");

            page.navigate(url("/pro/demandes?tailleMin=beaucoup&depotDu=2025-05-01&depotAu=2025-04-01"));
            assertTrue(page.locator("#resume-erreurs").textContent().contains("La taille minimale du ménage : indiquez un nombre entier."));
            // the wrong field is in the advanced part: it is open, so the summary's link reaches it
            page.locator("#resume-erreurs a[href='#tailleMin']").click();
            assertTrue(page.locator("#tailleMin").isVisible());
            check(page, "recherche-demandes-erreurs");
        }
    }

    @Test
    void aDeskAgentLooksForDuplicates() {
        try (BrowserContext context = navigateur.contexte()) {
            Page page = signIn(context, "agent.actis@sne.test");
            page.navigate(url("/pro/demandes/doublons"));
            check(page, "doublons-formulaire");
            page.locator("#nomNaissance").fill(nom.toUpperCase() + " LEFEVRE");
            page.locator("#prenoms").fill("Louise Jeanne");
            page.locator("#dateNaissance").fill("1979-08-07");
            page.locator("main form button[type=submit]").first().click();
            page.locator("#resultats").waitFor();
            String tableau = page.locator("table").textContent();
            assertTrue(tableau.contains(numero), tableau);
            assertTrue(tableau.contains("prénoms dans un autre ordre"), tableau);
            assertTrue(tableau.contains("jour et mois de naissance inversés"), tableau);
            check(page, "doublons-resultats");
        }
    }
}
