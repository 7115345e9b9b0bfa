package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The developers' documentation on the public information site: reached from the site's home,
 * without signing in, with the XSD download, the error codes and the OpenAPI link; accessible.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class DeveloppeursBrowserTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @Test
    void aVendorFindsTheDeveloperDocumentationFromTheInformationSite() {
        try (BrowserContext context = navigateur.contexte();
             Page page = context.newPage()) {
            page.navigate(url("/info"));
            page.locator("a[href='/info/developpeurs']").click();
            page.waitForURL(url("/info/developpeurs"));
            assertEquals("Documentation des développeurs (API v1.0)", page.locator("h1").textContent().strip());
            assertEquals(1, page.locator("a[href='/api/v1.0/schemas/interfaceNuu-02.01.xsd']").count());
            assertEquals(1, page.locator("a[href='/api/openapi.yml']").count());
            assertTrue(page.locator("main").textContent().contains("client_credentials"));
            assertTrue(page.locator("table").nth(2).textContent().contains("429"));
            assertTrue(page.locator("#gdm-titre").textContent().contains("mouvements"));
            assertTrue(page.locator("#gdm").textContent().contains("curseurSuivant"), "how to page the feed");
            assertTrue(page.locator("#exports-titre").textContent().contains("Exports"));
            assertTrue(page.locator("#exports").textContent().contains("/api/v1.0/exports"));
            navigateur.verifier(page, "info-developpeurs");
        }
    }
}
