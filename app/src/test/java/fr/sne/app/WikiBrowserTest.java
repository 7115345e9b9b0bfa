package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wiki and the calendar in the browser: a GT creates a page from a template, edits it, views
 * the diff between the two versions; an agent subscribes to the calendar and gets the feed's
 * address. Every page passes axe-core; screenshots under target/screenshots.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WikiBrowserTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(SharedServicesTest.super.getProperties());
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @org.junit.jupiter.api.AfterAll
    void effacer() throws Exception {
        WikiTest.effacerCommunaute();
    }

    @Test
    void aGtEditsAWikiPageAndViewsTheDiff() {
        String titre = "Radiation pour absence de renouvellement " + WikiTest.mot();
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = navigateur.connecter(contexte, url(""), WikiTest.GT_ISERE);
            page.navigate(url("/communaute/espaces/isere/wiki"));
            navigateur.verifier(page, "wiki-sommaire");

            page.locator("a[href$='modele=MODE_OPERATOIRE']").click();
            page.waitForURL(u -> u.contains("/wiki/nouvelle"));
            assertTrue(page.inputValue("#texte").contains("## Étapes"), "the template's skeleton");
            page.fill("#titre", titre);
            page.fill("#texte", """
                    ## Objectif
                    Radier une demande non renouvelée dans le délai d’un mois.

                    ## Étapes
                    1. Ouvrir la demande.
                    2. Vérifier l’avis de renouvellement.
                    3. Radier.

                    Voir aussi [[Délais de renouvellement]].
                    """);
            page.fill("#commentaire", "Première rédaction");
            page.locator("button[value='apercu']").click();
            assertTrue(page.locator("#apercu-titre").isVisible());
            navigateur.verifier(page, "wiki-edition-apercu");
            page.locator("button[value='enregistrer']").click();
            page.waitForURL(u -> u.contains("message=creee"));
            assertEquals(titre, page.locator("h1").textContent().strip());
            assertTrue(page.locator(".sne-article").textContent().contains("Délais de renouvellement (page à créer)"));
            navigateur.verifier(page, "wiki-page-creee");

            page.locator("text=Modifier la page").click();
            page.waitForURL(u -> u.endsWith("/modifier"));
            page.fill("#texte", page.inputValue("#texte")
                    .replace("délai d’un mois", "délai de deux mois")
                    .replace("3. Radier.", "3. Radier.\n4. Informer le demandeur par courrier."));
            page.fill("#commentaire", "Délai corrigé, étape ajoutée");
            page.locator("button[value='enregistrer']").click();
            page.waitForURL(u -> u.contains("message=enregistree"));

            page.locator("text=Historique des versions").click();
            page.waitForURL(u -> u.endsWith("/historique"));
            navigateur.verifier(page, "wiki-historique");
            page.locator("text=Comparer les versions choisies").click();
            page.waitForURL(u -> u.contains("/comparaison"));
            assertEquals("de deux", page.locator(".sne-diff ins").first().textContent());
            assertTrue(page.locator(".sne-diff del").allTextContents().contains("d’un"));
            assertTrue(page.locator(".sne-diff").textContent().contains("Ajouté : 4. Informer le demandeur par courrier."));
            navigateur.verifier(page, "wiki-comparaison");
        }
    }

    @Test
    void anAgentSubscribesToTheCalendar() {
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = navigateur.connecter(contexte, url(""), WikiTest.AGENT_ACTIS);
            page.navigate(url("/communaute/agenda"));
            navigateur.verifier(page, "agenda-global");
            page.locator("a[href='/communaute/agenda/abonnement']").click();
            page.waitForURL(url("/communaute/agenda/abonnement"));
            page.locator("button[value='generer']").click();
            assertTrue(page.inputValue("#lien-ics").matches("http://localhost:\\d+/communaute/calendrier/[A-Za-z0-9_-]{43}\\.ics"));
            navigateur.verifier(page, "agenda-abonnement");
        }
    }
}
