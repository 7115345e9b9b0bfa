package fr.sne.app;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The browser of the page tests: Debian's headless Chromium driven by Playwright (nothing is
 * downloaded), started once per test JVM like the other shared services, screenshots under
 * target/screenshots, and the checks every page must pass.
 */
final class Navigateur {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final Playwright playwright;
    private final Browser browser;
    private final Path captures;

    /** The browser shared by every page test of this JVM; closed when the JVM exits. */
    static Navigateur partage() {
        return Holder.NAVIGATEUR;
    }

    private static final class Holder {
        private static final Navigateur NAVIGATEUR = demarrer();

        private static Navigateur demarrer() {
            Navigateur navigateur = new Navigateur();
            Runtime.getRuntime().addShutdownHook(new Thread(navigateur::fermer, "sne-chromium-stop"));
            return navigateur;
        }
    }

    private Navigateur() {
        try {
            Path home = Files.createTempDirectory("sne-chromium");
            Map<String, String> env = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "HOME", home.toString(), "TMPDIR", home.toString());
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("sne.chromium", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setEnv(env)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
            captures = Path.of(System.getProperty("sne.build.directory", "target"), "screenshots");
            Files.createDirectories(captures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the screenshot named {@code nom} goes. */
    Path capture(String nom) {
        return captures.resolve(nom + ".png");
    }

    /**
     * Saves a full-page screenshot, then checks what every page needs: French, one h1, a skip link, no
     * page-wide horizontal scrolling (RGAA 10.11) and no axe-core violation (WCAG 2.1 A/AA).
     */
    void verifier(Page page, String nom) {
        page.screenshot(new Page.ScreenshotOptions().setPath(capture(nom)).setFullPage(true));
        assertEquals("fr", page.getAttribute("html", "lang"), "lang on " + nom);
        assertEquals(1, page.locator("h1").count(), "one h1 on " + nom);
        assertEquals(1, page.locator("a[href='#contenu']").count(), "skip link to the content on " + nom);
        assertEquals(page.evaluate("() => window.innerWidth"), page.evaluate("() => document.documentElement.scrollWidth"),
                "page wider than the window on " + nom);
        assertEquals(List.of(), new AxeBuilder(page).withTags(WCAG).analyze().getViolations().stream()
                .map(v -> v.getId() + " (" + v.getHelp() + "): " + v.getNodes().stream()
                        .map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")))
                .toList(), "axe-core on " + nom);
    }

    /** A new browser session (its own cookies) in French, as a person in France gets it. */
    BrowserContext contexte() {
        return browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
    }

    /**
     * Signs in on the provider's page with one click on a persona (a fresh context per person)
     * and lands on the professional home.
     */
    Page connecter(BrowserContext context, String base, String email) {
        Page page = context.newPage();
        page.navigate(base + "/pro");
        page.locator("button[data-persona='" + email + "']").click();
        page.waitForURL(base + "/pro");
        return page;
    }

    private void fermer() {
        browser.close();
        playwright.close();
    }
}
