package fr.sne.app;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A desk agent prints the postal letters in the browser: the queue and the confirmation pass axe-core. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourriersBrowserTest implements SharedServicesTest {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @Inject
    EmbeddedServer server;

    private Playwright playwright;
    private Browser browser;
    private Path screenshots;

    @BeforeAll
    void startBrowser() throws IOException {
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
    void stopBrowser() {
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
        assertEquals(1, page.locator("h1").count(), "one h1 on " + name);
        List<Rule> violations = new AxeBuilder(page).withTags(WCAG).analyze().getViolations();
        assertEquals(List.of(), violations.stream().map(v -> v.getId() + " (" + v.getHelp() + "): " + v.getNodes().stream()
                .map(n -> n.getTarget().toString()).collect(Collectors.joining(", "))).toList(), "axe-core on " + name);
    }

    /** An applicant without e-mail, registered by ACTIS's software: their attestation waits for the post. */
    private String enregistrerSansCourriel() {
        String nom = "Navigateur" + Pdfs.lettres(5);
        String body = """
                {"demandeur": {"civilite": "1", "nomNaissance": "%s", "prenoms": "Paul", "dateNaissance": "1968-04-12",
                  "nationalite": "1", "adresse": {"numero": "5", "voie": "rue Lesdiguières", "codePostal": "38000", "communeInsee": "38185"}},
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
    void aDeskAgentPrintsTheWaitingLetters() {
        String numero = enregistrerSansCourriel();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
             Page page = context.newPage()) {
            page.navigate(url("/pro"));
            page.locator("button[data-persona='agent.actis@sne.test']").click();
            page.waitForURL(url("/pro"));
            page.locator("main a[href='/pro/courriers']").click();
            page.waitForURL(url("/pro/courriers"));
            assertTrue(page.locator("main table").first().textContent().contains(Pdfs.numeroLisible(numero)));
            check(page, "pro-courriers");

            page.locator("main form[action='/pro/courriers/impression'] button[type=submit]").click();
            page.waitForURL(u -> u.contains("/pro/courriers?lot="));
            assertTrue(page.locator(".fr-alert--success").textContent().contains("imprimé"));
            assertTrue(page.locator("main").textContent().contains("Derniers lots imprimés"));
            check(page, "pro-courriers-lot-imprime");
        }
    }
}
