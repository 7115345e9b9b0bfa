package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The online filing journey in a real browser (Debian's headless Chromium): an applicant files
 * step by step with mistakes corrected on the way, a desk agent checks the identity and
 * validates. Each page is saved under target/screenshots and checked with axe-core (WCAG 2.1 A/AA).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandeEnLigneBrowserTest implements SharedServicesTest {


    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();



    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private void check(Page page, String name) {
        navigateur.verifier(page, name);
    }

    private Page signIn(BrowserContext context, String email) {
        return navigateur.connecter(context, url(""), email);
    }

    private static String nom(String debut) {
        StringBuilder s = new StringBuilder(debut);
        for (int i = 0; i < 6; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private static void continuer(Page page, String etapeSuivante) {
        page.locator("button[name=action][value=continuer]").click();
        page.waitForURL(u -> u.endsWith("/" + etapeSuivante));
    }

    @Test
    void anApplicantFilesOnlineAndADeskValidates() {
        String nom = nom("Rousseau");
        long id;
        try (BrowserContext context = navigateur.contexte();
             Page page = context.newPage()) {
            // not signed in yet: filing asks for sign-in, then comes back to the form
            page.navigate(url("/"));
            page.locator("a[href='/demande']").click();
            page.locator("button[data-persona='demandeur@sne.test']").click();
            page.waitForURL(url("/demande"));
            check(page, "demande-debut");
            page.navigate(url("/"));
            check(page, "portail-accueil-demandeur");
            page.locator("a[href='/demande']").click();
            page.waitForURL(url("/demande"));
            page.locator("main form[action='/demande'] button").click();
            page.waitForURL(u -> u.endsWith("/identite"));
            Matcher m = Pattern.compile("/demande/(\\d+)/identite").matcher(page.url());
            assertTrue(m.find(), page.url());
            id = Long.parseLong(m.group(1));
            check(page, "demande-etape-1-identite");

            // sent empty: the errors are listed at the top and shown next to each field
            page.locator("button[name=action][value=continuer]").click();
            page.waitForLoadState();
            assertTrue(page.locator("#resume-erreurs").textContent().contains("Les prénoms : champ obligatoire."));
            assertEquals("true", page.getAttribute("#demandeur-nomNaissance", "aria-invalid"));
            assertTrue(page.locator("#demandeur-nomNaissance-erreur").textContent().contains("Le nom de naissance : champ obligatoire."));
            check(page, "demande-etape-1-identite-erreurs");

            page.locator("label[for='demandeur-civilite-2']").click();
            page.locator("#demandeur-nomNaissance").fill(nom);
            page.locator("#demandeur-prenoms").fill("Claire Marie");
            page.locator("#demandeur-dateNaissance").fill("1986-04-03");
            page.locator("label[for='demandeur-nationalite-1']").click();
            page.locator("#demandeur-mel").fill("claire.rousseau@exemple.fr");
            page.locator("#demandeur-telPortable").fill("0611223344");
            page.locator("#demandeur-adresse-numero").fill("5");
            page.locator("#demandeur-adresse-voie").fill("place Grenette");
            page.locator("#demandeur-adresse-codePostal").fill("38000");
            page.locator("#demandeur-adresse-communeInsee").fill("Grenoble");
            // the keyboard is enough: Enter in a field saves and goes on (the first button)
            page.locator("#demandeur-adresse-communeInsee").press("Enter");
            page.waitForURL(u -> u.endsWith("/famille"));

            page.locator("#demandeur-situationFamiliale").selectOption("C");
            page.locator("#personnesACharge-0-nomNaissance").fill(nom);
            page.locator("#personnesACharge-0-prenoms").fill("Hugo");
            page.locator("#personnesACharge-0-dateNaissance").fill("2016-02-10");
            page.locator("label[for='personnesACharge-0-sexe-M']").click();
            page.locator("#personnesACharge-0-lienParente").selectOption("E");
            check(page, "demande-etape-2-famille");
            continuer(page, "ressources");

            page.locator("#demandeur-situationProfessionnelle-typeContratTravail").selectOption("CDI");
            page.locator("#demandeur-ressourcesRecues-0-code").selectOption("SAL");
            page.locator("#demandeur-ressourcesRecues-0-montant").fill("1 540");
            check(page, "demande-etape-3-ressources");
            continuer(page, "logement");

            page.locator("#logementActuel-modelesLogement").selectOption("LP");
            page.locator("label[for='motifs-13']").click();
            check(page, "demande-etape-4-logement");
            continuer(page, "recherche");

            // a commune name shared by several communes is questioned next to its field
            page.locator("#logementRecherche-communesSouhaitees-0").fill("Grenoble");
            page.locator("#logementRecherche-communesSouhaitees-1").fill("Saint-Martin");
            page.locator("label[for='logementRecherche-typesLogement-T3']").click();
            page.locator("button[name=action][value=continuer]").click();
            page.waitForLoadState();
            assertTrue(page.locator("#logementRecherche-communesSouhaitees-1-erreur").textContent().contains("Saint-Martin"),
                    page.locator("#logementRecherche-communesSouhaitees-1-erreur").textContent());
            check(page, "demande-etape-5-recherche-erreurs");
            page.locator("#logementRecherche-communesSouhaitees-1").fill("Saint-Égrève");
            continuer(page, "handicap");

            check(page, "demande-etape-6-handicap");
            continuer(page, "recapitulatif");
            assertTrue(page.locator("main").textContent().contains("Saint-Égrève (38382)"));
            check(page, "demande-etape-7-recapitulatif");
            page.locator("label[for='declaration']").click();
            page.locator("main form button[type=submit]").click();
            page.waitForURL(u -> u.contains("message=envoyee"));
            assertEquals("En attente de validation", page.locator("#statut").textContent().strip());
            check(page, "demande-envoyee");
        }

        String numero;
        try (BrowserContext context = navigateur.contexte();
             Page page = signIn(context, "agent.actis@sne.test")) {
            page.locator("a[href='/pro/demandes-en-ligne']").click();
            page.waitForURL(url("/pro/demandes-en-ligne"));
            check(page, "pro-demandes-en-ligne");
            page.locator("tr[data-demande='" + id + "'] a").click();
            page.waitForURL(url("/pro/demandes-en-ligne/" + id));
            check(page, "pro-demande-en-ligne-fiche");

            // validating without checking the document is refused, item by item
            page.locator("label[for='piece-PRESENTEE']").click();
            page.locator("main form[action$='/validation'] button").click();
            page.waitForLoadState();
            assertTrue(page.locator("#resume-erreurs").textContent().contains("Vérifiez le nom de naissance"));
            check(page, "pro-demande-en-ligne-fiche-erreurs");

            page.locator("label[for='nomNaissance']").click();
            page.locator("label[for='prenoms']").click();
            page.locator("label[for='dateNaissance']").click();
            page.locator("main form[action$='/validation'] button").click();
            page.waitForURL(u -> u.contains("message=validee"));
            String statut = page.locator("#statut").textContent();
            Matcher n = Pattern.compile("Enregistrée — n° (038\\d{10}GDPUB)").matcher(statut);
            assertTrue(n.find(), statut);
            numero = n.group(1);
            check(page, "pro-demande-en-ligne-validee");
        }

        try (BrowserContext context = navigateur.contexte();
             Page page = signIn(context, "demandeur@sne.test")) {
            page.navigate(url("/"));
            assertTrue(page.locator("tr[data-demande='" + id + "']").textContent().contains("Enregistrée — n° " + numero));
            check(page, "portail-accueil-demande-enregistree");
        }
    }
}
