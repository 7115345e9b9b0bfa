package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.community.recherche.MoteurRecherche;
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
 * A GT files a ticket in a real browser: a knowledge-base answer is suggested under the summary
 * as they type, their default team is ticked, the ticket is shared with it; the national support
 * answers from its queue; a team member reads the answer. Screenshots under target/screenshots,
 * every page checked with axe-core.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistanceBrowserTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    MoteurRecherche moteur;

    private final Navigateur navigateur = Navigateur.partage();

    private String base() {
        return "http://localhost:" + server.getPort();
    }

    @Test
    void unGtDeposeUneDemandePartageeEtLAssistanceRepond() {
        String mot = AssistancePagesTest.mot();
        WebClient admin = new WebClient(server);
        admin.signInAs("admin@sne.test");
        Map<String, String> article = new LinkedHashMap<>();
        article.put("titre", "Export des demandes impossible " + mot);
        article.put("resume", "Vérifier les droits d’export du profil.");
        article.put("type", "FAQ");
        article.put("themes", "SNE");
        article.put("audience", "PROFESSIONNELS");
        article.put("corps", "Le profil doit porter le droit **Exporter**.");
        article.put("publication", "maintenant");
        article.put("action", "publier");
        assertEquals(303, admin.submit("/pro/info/articles", article).statusCode());
        moteur.attendreVisibilite();

        String cle;
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, base(), "gt.isere@sne.test");
            page.navigate(base() + "/assistance/preferences");
            page.locator("label:has-text('Gestionnaires de fichiers partagés')").click();
            page.locator("button:has-text('Enregistrer')").click();
            page.waitForURL(u -> u.contains("message=enregistre"));
            navigateur.verifier(page, "assistance-preferences");

            page.navigate(base() + "/assistance/nouvelle");
            navigateur.verifier(page, "assistance-nouvelle-type");
            page.locator("#type").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Anomalie — SNE"));
            page.locator("button:has-text('Continuer')").click();
            page.waitForURL(u -> u.contains("/assistance/nouvelle?type="));
            page.locator("#resume").pressSequentially("Export des demandes " + mot, new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
            page.locator("#suggestions a:has-text('Export des demandes impossible')").waitFor();
            assertEquals("polite", page.getAttribute("#suggestions", "aria-live"));
            assertTrue(page.locator("#suggestions button:has-text('Ma question est résolue')").isVisible());
            navigateur.verifier(page, "assistance-nouvelle-suggestion");

            page.locator("#champ_environnement").selectOption("Production");
            page.locator("#description").fill("L’export CSV de l’Isère échoue depuis ce matin avec le message « accès refusé ».");
            assertTrue(page.locator("input[name=equipes]").first().isChecked(), "the default team is ticked");
            page.locator("button[name=action][value=creer]").click();
            page.waitForURL(u -> u.contains("message=creee"));
            cle = page.locator("h1 .fr-text--lead").textContent().strip();
            assertTrue(page.locator("text=Équipe : Gestionnaires de fichiers partagés").isVisible());
            navigateur.verifier(page, "assistance-demande-creee");
        }

        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, base(), "support@sne.test");
            page.navigate(base() + "/assistance/file");
            page.locator("a:has-text('" + cle + "')").waitFor();
            navigateur.verifier(page, "assistance-file");
            page.locator("a:has-text('" + cle + "')").click();
            page.waitForURL(u -> u.endsWith("/assistance/" + cle));
            page.locator("#texte").fill("Bonjour, le droit **Exporter** manquait sur votre profil : il est ajouté.");
            page.locator("#formulaire-commentaire button[type=submit], form[action$='/commentaires'] button[type=submit]").first().click();
            page.waitForURL(u -> u.contains("message=reponse"));
            navigateur.verifier(page, "assistance-reponse-agent");
        }

        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, base(), "gt.gard@sne.test");
            page.navigate(base() + "/assistance?portee=equipes");
            page.locator("a:has-text('" + cle + "')").click();
            page.waitForURL(u -> u.endsWith("/assistance/" + cle));
            assertTrue(page.locator("text=le droit Exporter manquait").isVisible(), "the team member reads the answer");
            assertEquals(0, page.locator("#texte").count(), "a reader of the team does not reply");
            navigateur.verifier(page, "assistance-lecture-equipe");
        }
    }

    @Test
    void pagesDeGestionAccessibles() {
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, base(), "admin@sne.test");
            page.navigate(base() + "/assistance");
            navigateur.verifier(page, "assistance-mes-demandes");
            page.navigate(base() + "/assistance/admin/equipes");
            navigateur.verifier(page, "assistance-equipes");
            page.locator("a:has-text('GT national')").first().click();
            page.waitForURL(u -> u.contains("/assistance/admin/equipes/"));
            navigateur.verifier(page, "assistance-equipe");
            page.navigate(base() + "/assistance/admin/reglages");
            navigateur.verifier(page, "assistance-reglages");
            page.navigate(base() + "/assistance/rapport");
            navigateur.verifier(page, "assistance-rapport");
        }
    }
}
