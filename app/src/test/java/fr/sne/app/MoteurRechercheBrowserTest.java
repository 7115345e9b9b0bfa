package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.community.recherche.MoteurRecherche;
import fr.sne.community.recherche.SourceIndexation;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search page in a browser: from the header's search box, for an anonymous visitor and a
 * professional; facets, pages, the spelling suggestion, the empty state, a phone's width; and the
 * national administrators' page. Screenshots and axe on each.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
@Property(name = "sne.test.recherche", value = "true")
class MoteurRechercheBrowserTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    MoteurRecherche moteur;
    @Inject
    List<SourceIndexation> sources;

    private final Navigateur navigateur = Navigateur.partage();

    @BeforeAll
    void construire() {
        moteur.reconstruire(sources);
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @Test
    void anAnonymousVisitorSearchesFromTheHeaderAndRefines() {
        try (BrowserContext context = navigateur.contexte(); Page page = context.newPage()) {
            page.navigate(url("/info"));
            page.locator("#recherche-entete-q").fill("cotation");
            page.locator("#recherche-entete-q").press("Enter");
            page.waitForURL(url("/recherche?q=cotation"));
            assertEquals("2 résultats pour « cotation »", page.locator("#nombre-resultats").textContent().strip());
            assertEquals("status", page.locator("#annonce-resultats").getAttribute("role"));
            assertTrue(page.title().startsWith("2 résultats pour « cotation »"), page.title());
            assertTrue(page.locator(".sne-resultats mark").count() >= 2);
            assertFalse(page.locator("main").textContent().contains("Guide de la cotation"), "professional content stays hidden");
            assertEquals("cotation", page.locator("#recherche-q").inputValue());
            navigateur.verifier(page, "recherche-anonyme");

            // one type ticked: its results only, counts of the other types still shown
            page.locator("input[name='type'][value='faq'] + label").click();
            assertTrue(page.locator("input[name='type'][value='faq']").isChecked());
            page.locator("button:has-text('Appliquer les filtres')").click();
            page.waitForURL(url("/recherche?q=cotation&type=faq") + "*");
            assertEquals("1 résultat pour « cotation »", page.locator("#nombre-resultats").textContent().strip());
            assertTrue(page.locator("label[for^='filtre-type']").allTextContents().stream().anyMatch(t -> t.contains("Actualité (1)")));
            navigateur.verifier(page, "recherche-filtre");
        }
    }

    @Test
    void pagesSuggestionAndEmptyState() {
        try (BrowserContext context = navigateur.contexte(); Page page = context.newPage()) {
            page.navigate(url("/recherche?q=version"));
            assertEquals("24 résultats pour « version », page 1 sur 3", page.locator("#nombre-resultats").textContent().strip());
            assertEquals(10, page.locator(".sne-resultats > li").count());
            page.locator(".fr-pagination a:has-text('Page suivante')").click();
            page.waitForURL(url("/recherche?q=version&page=2"));
            assertEquals("page", page.locator(".fr-pagination a[aria-current='page']").getAttribute("aria-current"));
            assertEquals("2", page.locator(".fr-pagination a[aria-current='page']").textContent().strip());
            navigateur.verifier(page, "recherche-page-2");

            page.navigate(url("/recherche?q=cotasion"));
            assertTrue(page.locator(".fr-alert").first().textContent().contains("Vouliez-vous dire"));
            navigateur.verifier(page, "recherche-suggestion");
            page.locator("a:has-text('cotation')").first().click();
            page.waitForURL(url("/recherche?q=cotation"));
            assertEquals("2 résultats pour « cotation »", page.locator("#nombre-resultats").textContent().strip());

            page.navigate(url("/recherche?q=" + "xylophonique"));
            assertEquals("Aucun résultat pour « xylophonique »", page.locator("#nombre-resultats").textContent().strip());
            assertTrue(page.locator("main").textContent().contains("vérifier l’orthographe"));
            navigateur.verifier(page, "recherche-aucun-resultat");

            page.navigate(url("/recherche"));
            navigateur.verifier(page, "recherche-vide");
        }
    }

    @Test
    void onAPhoneTheSearchFitsTheScreen() {
        try (BrowserContext context = navigateur.contexte(); Page page = context.newPage()) {
            page.setViewportSize(390, 844);
            page.navigate(url("/info"));
            page.locator(".fr-header__navbar .fr-btn--search").click();
            page.locator("#recherche-entete-q").fill("réglementation");
            page.locator("#recherche-entete-q").press("Enter");
            page.waitForURL(url("/recherche?q=r%C3%A9glementation"));
            assertEquals("1 résultat pour « réglementation »", page.locator("#nombre-resultats").textContent().strip());
            navigateur.verifier(page, "recherche-mobile");
        }
    }

    @Test
    void aProfessionalFindsTheirTerritorysPageAndNotAnothers() {
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "agent.actis@sne.test");
            page.locator("#recherche-entete-q").fill("grille cotation");
            page.locator("#recherche-entete-q").press("Enter");
            page.waitForURL(url("/recherche?q=grille+cotation"));
            String main = page.locator("main").textContent();
            assertTrue(main.contains("Grille de cotation de l’Isère"), main);
            assertTrue(main.contains("Guide de la cotation pour les guichets"), main);
            assertFalse(main.contains("Gard"), main);
            navigateur.verifier(page, "recherche-professionnel");
        }
    }

    @Test
    void theNationalAdministratorsPage() {
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "admin@sne.test");
            page.navigate(url("/pro/admin/recherche"));
            assertEquals("Moteur de recherche", page.locator("h1").textContent().strip());
            assertEquals(1, page.locator("a[aria-current='page'][href='/pro/admin/recherche']").count());
            navigateur.verifier(page, "admin-recherche");
            page.locator("button:has-text('Reconstruire l’index')").click();
            page.waitForURL(url("/pro/admin/recherche?message=demandee"));
            assertTrue(page.locator(".fr-alert").textContent().contains("La reconstruction de l’index a été demandée"));
            navigateur.verifier(page, "admin-recherche-demandee");
        }
    }

}
