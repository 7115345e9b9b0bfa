package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.community.info.TextesDeReference;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The information site in the browser, with the demo content of the development run: an
 * administrator writes an article, previews it and publishes it; a reader browses the news, the
 * documentation, the FAQ and the reference texts; a desk agent sees the important notice on
 * their home. Every page passes axe-core; screenshots under target/screenshots.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteInformationBrowserTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    private final Navigateur navigateur = Navigateur.partage();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(SharedServicesTest.super.getProperties());
        // the development run's demo articles (fr.sne.app.dev.DemoSiteInformation), loaded at start
        p.put("sne.info.demo", "true");
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @AfterAll
    void effacer() throws Exception {
        SiteInformationTest.effacerArticles();
    }

    @Test
    void anAdministratorWritesPreviewsAndPublishesAnArticle() {
        String titre = "Ouverture du service de cotation " + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = navigateur.connecter(contexte, url(""), SiteInformationTest.ADMIN);
            page.locator("a[href='/pro/info/articles']").first().click();
            page.waitForURL(url("/pro/info/articles"));
            navigateur.verifier(page, "info-redaction-liste");

            page.locator("a[href='/pro/info/articles/nouveau']").click();
            page.waitForURL(url("/pro/info/articles/nouveau"));
            page.selectOption("#type", "NOTE_VERSION");
            page.fill("#titre", titre);
            page.fill("#resume", "Les EPCI peuvent désormais publier leur grille de cotation dans le SNE.");
            page.locator("label[for='themes-1']").click();
            page.fill("#corps", """
                    ## Ce qui change

                    Chaque EPCI **publie sa grille** : critères, points et règle des pièces justificatives.

                    | Critère | Points |
                    | --- | --- |
                    | Ancienneté | 10 par an |

                    Voir la [FAQ de la cotation](/info/faq).

                    <script>alert('jamais')</script>
                    """);
            page.locator("button[value='apercu']").click();
            page.waitForURL(url("/pro/info/articles#apercu"));
            assertTrue(page.locator("#apercu strong").textContent().contains("publie sa grille"));
            assertEquals(1, page.locator("#apercu table").count());
            assertEquals(0, page.locator("#apercu script").count(), "the script is shown as text, never run");
            assertTrue(page.locator("#apercu").textContent().contains("<script>alert('jamais')</script>"));
            navigateur.verifier(page, "info-redaction-apercu");

            page.locator("button[value='publier']").click();
            page.waitForURL(u -> u.contains("message=publie"));
            assertTrue(page.locator(".fr-alert--success").textContent().contains("L’article est publié."));
            navigateur.verifier(page, "info-redaction-publie");

            page.locator("text=Voir la page publiée").click();
            page.waitForURL(u -> u.contains("/info/actualites/ouverture-du-service-de-cotation"));
            assertEquals(titre, page.locator("h1").textContent().strip());
            navigateur.verifier(page, "info-article-publie");
        }
    }

    @Test
    void aReaderBrowsesTheNewsTheDocumentationTheFaqAndTheReferenceTexts() {
        context.getBean(TextesDeReference.class).charger();
        try (BrowserContext contexte = navigateur.contexte(); Page page = contexte.newPage()) {
            page.navigate(url("/info"));
            assertTrue(String.join(" ", page.locator(".fr-notice").allTextContents()).contains("interruption du SNE samedi"), "the important notice");
            navigateur.verifier(page, "info-accueil-contenus");

            page.locator("a[href='/info/actualites']").first().click();
            page.waitForURL(url("/info/actualites"));
            assertTrue(!page.locator("main").textContent().contains("Incident résolu"), "professionals' news hidden from the public");
            assertTrue(!page.locator("main").textContent().contains("Webinaire de présentation"), "a scheduled article before its time");
            navigateur.verifier(page, "info-actualites");

            page.selectOption("#filtre-type", "MAINTENANCE");
            page.selectOption("#filtre-theme", "INTERFACES");
            page.locator("button:has-text('Filtrer')").click();
            page.waitForURL(u -> u.contains("type=MAINTENANCE") && u.contains("theme=INTERFACES"));
            assertTrue(page.locator(".fr-card").count() >= 1);
            assertTrue(page.locator(".fr-card .fr-badge:has-text('Maintenance programmée')").count() == page.locator(".fr-card").count(),
                    "only maintenance");
            page.locator(".fr-card:has-text('interruption du SNE samedi') a").first().click();
            page.waitForURL(u -> u.contains("/info/actualites/maintenance-programmee"));
            assertEquals(1, page.locator(".sne-article table").count());
            navigateur.verifier(page, "info-actualite-maintenance");

            page.navigate(url("/info/documentation"));
            assertTrue(page.locator("main").textContent().contains("Contrat d’interface interfaceNuu 02.01"));
            assertTrue(page.locator("a.fr-link--download").first().getAttribute("href").endsWith("interfaceNuu-02.01.xsd"));
            navigateur.verifier(page, "info-documentation");

            page.navigate(url("/info/faq"));
            page.locator("button.fr-accordion__btn").first().click();
            page.waitForTimeout(300);
            navigateur.verifier(page, "info-faq");

            page.navigate(url("/info/reglementation?code=CCH"));
            assertTrue(page.locator("main").textContent().contains("1201 textes"), page.locator("[role=status]").textContent());
            navigateur.verifier(page, "info-reglementation");
            page.locator("main ul.fr-raw-list a").first().click();
            page.waitForURL(u -> u.contains("/info/reglementation/cch-"));
            navigateur.verifier(page, "info-texte-reference");

            page.navigate(url("/info/actualites/flux.xml"));
            assertTrue(page.content().contains("Note de version 25.3"));
        }
    }

    @Test
    void aDeskAgentSeesTheImportantNoticeOnTheirHome() {
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = navigateur.connecter(contexte, url(""), SiteInformationTest.AGENT_ISERE);
            assertTrue(String.join(" ", page.locator(".fr-notice").allTextContents()).contains("interruption du SNE samedi"));
            navigateur.verifier(page, "pro-accueil-annonce");
            page.navigate(url("/info/actualites?type=INCIDENT"));
            assertTrue(page.locator("main").textContent().contains("Incident résolu"), "professionals' news once signed in");
            page.navigate(url("/info/actualites?audience=TERRITOIRE"));
            assertTrue(page.locator("main").textContent().contains("Isère : réunion du réseau"), "their territory's local page");
            navigateur.verifier(page, "info-actualites-professionnel");
        }
    }
}
