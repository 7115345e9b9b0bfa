package fr.sne.app;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @Inject
    EmbeddedServer server;

    private Playwright playwright;
    private Browser browser;
    private Path screenshots;
    private String numero;
    private final String nom = FabriqueDemandes.nomUnique("Navigateur");

    @BeforeAll
    void start() throws IOException {
        numero = new FabriqueDemandes(server).creer("editeur-actis", FabriqueDemandes.Menage.de(nom + "-Lefèvre", "Jeanne Louise", "1979-07-08")
                .communes("38006").types("T3").famille(true, 1).priorite("ACTIF", "HAND"));
        Path home = Files.createTempDirectory("sne-chromium");
        Map<String, String> env = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "HOME", home.toString(), "TMPDIR", home.toString());
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("sne.chromium", "/usr/bin/chromium")))
                .setHeadless(true).setEnv(env)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        screenshots = Path.of(System.getProperty("sne.build.directory", "target"), "screenshots");
        Files.createDirectories(screenshots);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private void check(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
        assertEquals("fr", page.getAttribute("html", "lang"));
        assertEquals(1, page.locator("h1").count(), "one h1 on " + name);
        // no horizontal scrolling of the page (RGAA 10.11): wide tables scroll inside their container
        assertEquals(page.evaluate("() => window.innerWidth"), page.evaluate("() => document.documentElement.scrollWidth"),
                "page wider than the window on " + name);
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
        assertEquals(List.of(), results.getViolations().stream()
                .map(v -> v.getId() + " (" + v.getHelp() + "): " + v.getNodes().stream()
                        .map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")))
                .toList(), "axe-core on " + name);
    }

    private Page signIn(BrowserContext context, String email) {
        Page page = context.newPage();
        page.navigate(url("/pro"));
        page.locator("button[data-persona='" + email + "']").click();
        page.waitForURL(url("/pro"));
        return page;
    }

    @Test
    void aTerritorialManagerSearchesApplications() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))) {
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
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))) {
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
