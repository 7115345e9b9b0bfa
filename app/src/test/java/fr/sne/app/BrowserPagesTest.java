package fr.sne.app;

import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages as a person gets them: Debian's headless Chromium opens them, signs in with a click
 * on a persona, saves screenshots under target/screenshots and runs axe-core (WCAG 2.1 A/AA).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserPagesTest implements SharedServicesTest {


    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();



    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private void check(Page page, String name) {
        navigateur.verifier(page, name);
    }

    @Test
    void publicPagesAreAccessible() {
        try (var context = navigateur.contexte(); Page page = context.newPage()) {
            page.navigate(url("/"));
            assertTrue(page.title().contains("SNE"), page.title());
            check(page, "portail-accueil");
            page.navigate(url("/info"));
            check(page, "info-accueil");
            page.navigate(url("/page-inexistante"));
            check(page, "erreur-404");
        }
    }

    @Test
    void aPersonSignsInWithOneClickAndReachesTheProfessionalPages() {
        try (var context = navigateur.contexte(); Page page = context.newPage()) {
            page.navigate(url("/pro"));
            // redirected to the provider's login page, which lists the demo personas
            assertTrue(page.url().contains("/sne/authorize"), page.url());
            page.screenshot(new Page.ScreenshotOptions().setPath(navigateur.capture("connexion-fournisseur")).setFullPage(true));
            page.locator("button[data-persona='agent.actis@sne.test']").click();
            page.waitForURL(url("/pro"));

            assertTrue(page.locator("h1").textContent().contains("Julie Martin"));
            assertTrue(page.locator("main").textContent().contains("Guichet enregistreur — ACTIS (38001)"));
            check(page, "pro-accueil");

            page.locator("#navigation a[href='/communaute']").click();
            page.waitForURL(url("/communaute"));
            assertEquals("page", page.getAttribute("#navigation a[href='/communaute']", "aria-current"));
            check(page, "communaute-accueil");

            page.locator("form[action='/logout'] button").first().click();
            page.waitForURL(url("/"));
            assertTrue(page.locator("header").textContent().contains("Se connecter"));
        }
    }

    private Page signIn(com.microsoft.playwright.BrowserContext context, String email) {
        return navigateur.connecter(context, url(""), email);
    }

    @Test
    void theTerritorialAdministrationPagesAreAccessible() {
        try (var context = navigateur.contexte(); Page page = signIn(context, "gt.isere@sne.test")) {
            for (String[] p : new String[][] {{"/pro/admin/guichets", "admin-guichets"},
                    {"/pro/admin/guichets/38001", "admin-guichet-fiche"},
                    {"/pro/admin/habilitations", "admin-habilitations"}, {"/pro/admin/revue", "admin-revue"},
                    {"/pro/admin/utilisateurs", "admin-utilisateurs"}, {"/pro/admin/clients-api", "admin-clients-api"},
                    {"/pro/admin/audit", "admin-audit"}}) {
                page.navigate(url(p[0]));
                check(page, p[1]);
            }
            // a form sent with mistakes: the summary and each field say what is wrong, accessibly
            page.navigate(url("/pro/admin/guichets/nouveau"));
            page.locator("#code").fill("38001");
            page.locator("#nom").fill("Essai");
            page.locator("#type").selectOption("BAILLEUR");
            page.locator("#siret").fill("12345678900000");
            page.locator("#commune").fill("30189");
            page.locator("main form button[type=submit]").first().click();
            page.waitForURL(url("/pro/admin/guichets"));
            assertTrue(page.locator("#resume-erreurs").textContent().contains("déjà attribué"));
            assertEquals("true", page.getAttribute("#siret", "aria-invalid"));
            check(page, "admin-guichet-erreurs");
        }
        try (var context = navigateur.contexte(); Page page = signIn(context, "admin@sne.test")) {
            page.navigate(url("/pro/admin/territoires"));
            check(page, "admin-territoires");
            page.navigate(url("/pro/admin/territoires/038"));
            check(page, "admin-territoire-fiche");
        }
        try (var context = navigateur.contexte(); Page page = signIn(context, "nouvel.agent@sne.test")) {
            check(page, "pro-sans-habilitation");
            page.navigate(url("/pro/habilitations/demande"));
            check(page, "demande-habilitation");
        }
    }

    private static String champ(String id) {
        return "[id='" + id + "']";
    }

    /** Types the identity tab and the wanted commune, then asks to register; returns the page. */
    private void saisirDemande(Page page, String nom, String prenoms, String naissance, String nomCapture) {
        page.navigate(url("/pro/demandes/nouvelle"));
        page.locator(champ("demandeur.civilite")).selectOption("2");
        page.locator(champ("demandeur.nomNaissance")).fill(nom);
        page.locator(champ("demandeur.prenoms")).fill(prenoms);
        page.locator(champ("demandeur.dateNaissance")).fill(naissance);
        page.locator(champ("demandeur.nationalite")).selectOption("1");
        page.locator(champ("demandeur.mel")).fill("camille@example.org");
        if (nomCapture != null) {
            check(page, nomCapture + "-demandeur");
        }
        page.locator("button[name=aller][value=revenus]").click();
        page.waitForURL("**onglet=revenus");
        if (nomCapture != null) {
            page.locator(champ("demandeur.ressourcesRecues.SAL")).fill("1450");
            check(page, nomCapture + "-revenus");
        }
        page.locator("button[name=aller][value=recherche]").click();
        page.waitForURL("**onglet=recherche");
        page.locator("#commune-0").fill("38185");
        page.locator("label:has-text('T3')").click();
        if (nomCapture != null) {
            check(page, nomCapture + "-recherche");
        }
        page.locator("button[name=action][value=deposer]").click();
        page.waitForLoadState();
    }

    @Test
    void aDeskAgentRegistersAnApplicationAndIsWarnedOfADuplicate() {
        try (var context = navigateur.contexte(); Page page = signIn(context, "agent.actis@sne.test")) {
            saisirDemande(page, "Roux-Garnier", "Camille Anne", "1992-02-29", "saisie");
            page.waitForURL("**/pro/demandes/038*");
            assertTrue(page.locator("main").textContent().contains("La demande est enregistrée sous le numéro unique"));
            assertTrue(page.locator("main").textContent().contains("Grenoble (38185)"));
            check(page, "saisie-fiche");
        }
        try (var context = navigateur.contexte(); Page page = signIn(context, "agent.stegreve@sne.test")) {
            saisirDemande(page, "ROUX GARNIER", "camille-anne", "1992-02-29", null);
            assertTrue(page.locator("h1").textContent().contains("Doublons probables"));
            check(page, "saisie-doublons");
            page.locator("#confirmationNonDoublon").fill("Homonyme : pièces d'identité différentes vérifiées au guichet.");
            page.locator("main form button[type=submit]").click();
            page.waitForURL("**/pro/demandes/038*");
            assertTrue(page.locator("main").textContent().contains("38002"));
        }
    }
}
