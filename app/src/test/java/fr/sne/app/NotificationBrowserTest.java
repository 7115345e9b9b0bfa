package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.community.espace.Espace;
import fr.sne.community.notification.RedactionCourriels;
import fr.sne.community.notification.Repartition;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a browser: the header's notification link, the notifications page (mark one read), "Mes
 * abonnements" with the e-mail preferences and a level changed from the "Suivi" control, and the
 * unsubscribe page reached from a mail without signing in. Screenshots and axe on each.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class NotificationBrowserTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Repartition repartition;

    private final Navigateur navigateur = Navigateur.partage();

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @Test
    void notifications_abonnements_et_desabonnement() {
        NotificationFixture f = new NotificationFixture(context);
        long isere = f.utilisateur("gt.isere@sne.test");
        long gard = f.utilisateur("gt.gard@sne.test");
        Espace entraide = f.espace("entraide");
        Espace national = f.espace("gt-national");
        long s1 = NotificationFixture.nouveauSujet();
        long s2 = NotificationFixture.nouveauSujet();
        f.publier(entraide, f.sujet(entraide, s1, "Justificatifs de ressources pour un couple séparé", gard, Set.of(isere)));
        f.publier(national, f.sujet(national, s2, "Préparation du bilan 3DS", gard, Set.of(isere)));
        repartition.executer();

        try (BrowserContext ctx = navigateur.contexte()) {
            Page page = navigateur.connecter(ctx, url(""), "gt.isere@sne.test");
            page.navigate(url("/communaute"));
            page.locator(".fr-header__tools-links a[href='/communaute/notifications']").first().click();
            page.waitForURL(url("/communaute/notifications"));
            assertTrue(page.locator("main").textContent().contains("Préparation du bilan 3DS"));
            navigateur.verifier(page, "notifications-liste");

            page.locator("button[title='Marquer comme lue : Préparation du bilan 3DS']").click();
            page.waitForURL(url("/communaute/notifications"));
            assertTrue(page.locator("#titre-lues").isVisible());
            navigateur.verifier(page, "notifications-une-lue");

            // subscriptions: watch a space from the "Suivi" control, daily digest
            page.navigate(url("/communaute/abonnements"));
            navigateur.verifier(page, "abonnements-vide-ou-liste");
            page.evaluate("([c]) => { const f = document.createElement('form'); f.method = 'post'; f.action = '/communaute/abonnements';"
                    + " for (const [k, v] of Object.entries({cible: c, niveau: 'SURVEILLE', csrfToken: document.querySelector('input[name=csrfToken]').value}))"
                    + " { const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
                    + " document.body.appendChild(f); f.submit(); }", java.util.List.of("espace:" + entraide.id()));
            page.waitForURL(url("/communaute/abonnements?message=niveau"));
            assertTrue(page.locator("main table").textContent().contains(entraide.nom()));
            page.locator("label[for='frequence-QUOTIDIEN']").click();
            page.locator("button:has-text('Enregistrer mes préférences')").click();
            page.waitForURL(url("/communaute/abonnements?message=preferences"));
            assertTrue(page.locator("#frequence-QUOTIDIEN").isChecked());
            navigateur.verifier(page, "abonnements-preferences");

            // back to the default for the other tests
            page.locator("label[for='frequence-HEBDOMADAIRE']").click();
            page.locator("button:has-text('Enregistrer mes préférences')").click();
            page.waitForURL(url("/communaute/abonnements?message=preferences"));
            page.locator("tr:has-text('" + entraide.nom() + "') button:has-text('Retirer')").click();
            page.waitForURL(url("/communaute/abonnements?message=retire"));
        }

        // from a mail, without signing in
        String lien = context.getBean(RedactionCourriels.class).lienDesabonnement(isere, Optional.of(fr.sne.community.abonnement.Cible.sujet(s1)));
        URI u = URI.create(lien);
        try (BrowserContext ctx = navigateur.contexte(); Page page = ctx.newPage()) {
            page.navigate(url(u.getRawPath() + "?" + u.getRawQuery()));
            navigateur.verifier(page, "desabonnement-confirmation");
            page.locator("button:has-text('Confirmer le désabonnement')").click();
            assertTrue(page.locator("main").textContent().contains("C’est fait"));
            navigateur.verifier(page, "desabonnement-fait");
            page.navigate(url("/communaute/desabonnement?jeton=abc.def"));
            assertEquals(1, page.locator("text=n’est pas valide").count());
            navigateur.verifier(page, "desabonnement-invalide");
        }
    }
}
