package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forums in the browser: a territorial manager opens a category and a topic, a desk agent
 * replies, the author accepts the reply and the topic shows it at the top as solved. Every page
 * passes axe-core; screenshots under target/screenshots.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForumBrowserTest implements SharedServicesTest {

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

    @AfterAll
    void effacer() throws Exception {
        ForumTest.effacerForums();
    }

    @Test
    void createATopicReplyAndMarkItSolved() {
        String titre = "Radiation après non-renouvellement " + UUID.randomUUID().toString().substring(0, 6);
        String sujetUrl;
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = navigateur.connecter(contexte, url(""), ForumTest.GT_ISERE);
            page.navigate(url("/communaute"));
            navigateur.verifier(page, "forum-1-accueil-communaute");
            page.locator("main a[href='/communaute/espaces/entraide']").first().click();
            page.waitForURL(url("/communaute/espaces/entraide"));
            page.fill("#nom", "Questions sur la radiation");
            page.fill("#description", "Délais, motifs et courriers de radiation.");
            page.locator("button:has-text('Ajouter la catégorie')").click();
            page.waitForURL(u -> u.contains("/communaute/forum/categories/"));
            page.fill("#titre", titre);
            page.fill("#tags", "radiation, délais");
            page.fill("#markdown", """
                    Bonjour,

                    Une demande n'a pas été renouvelée dans le délai : **quand** la radiation intervient-elle ?
                    @agent.actis, tu as eu le cas récemment ?
                    """);
            navigateur.verifier(page, "forum-2-nouveau-sujet");
            page.locator("button[value='publier']").click();
            page.waitForURL(u -> u.contains("/communaute/forum/sujets/"));
            sujetUrl = page.url();
            navigateur.verifier(page, "forum-3-sujet-cree");
        }
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = navigateur.connecter(contexte, url(""), ForumTest.AGENT_ACTIS);
            page.navigate(sujetUrl);
            page.fill("#markdown", """
                    Oui : la radiation intervient **un mois** après la date anniversaire sans renouvellement,
                    après l'envoi de l'avis. Voir la [fiche réglementaire](https://www.service-public.fr/).
                    """);
            page.locator("button[value='publier']").click();
            page.waitForURL(u -> u.contains("#message-"));
            navigateur.verifier(page, "forum-4-reponse");
        }
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = navigateur.connecter(contexte, url(""), ForumTest.GT_ISERE);
            page.navigate(sujetUrl);
            page.locator("button:has-text('Accepter cette réponse')").first().click();
            page.waitForURL(u -> u.contains("message=resolu"));
            String texte = page.locator("#reponse-acceptee").innerText();
            assertTrue(texte.contains("Julie Martin") && texte.contains("un mois"), texte);
            assertTrue(page.locator(".fr-badge:has-text('Résolu')").first().isVisible());
            navigateur.verifier(page, "forum-5-resolu");
            page.navigate(url("/communaute"));
            assertTrue(page.locator("main").innerText().contains(titre));
            navigateur.verifier(page, "forum-6-quoi-de-neuf");
        }
    }
}
