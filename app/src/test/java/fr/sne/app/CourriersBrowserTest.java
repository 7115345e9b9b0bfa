package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A desk agent prints the postal letters in the browser: the queue and the confirmation pass axe-core. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourriersBrowserTest implements SharedServicesTest {


    @Inject
    EmbeddedServer server;

    private final Navigateur navigateur = Navigateur.partage();



    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private void check(Page page, String name) {
        navigateur.verifier(page, name);
    }

    /** An applicant without e-mail, registered by ACTIS's software: their attestation waits for the post. */
    private String enregistrerSansCourriel() {
        String nom = "Navigateur" + Pdfs.lettres(5);
        String body = """
                {"demandeur": {"civilite": "1", "nomNaissance": "%s", "prenoms": "Paul", "dateNaissance": "1968-04-12",
                  "nationalite": "1", "adresse": {"numero": "5", "voie": "rue Lesdiguières", "codePostal": "38000", "communeInsee": "38185"}},
                 "logementRecherche": {"typesLogement": ["T3"], "communesSouhaitees": ["38185"]}}""".formatted(nom);
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes"))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient("editeur-actis", 600))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"").matcher(r.body());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void aDeskAgentPrintsTheWaitingLetters() {
        String numero = enregistrerSansCourriel();
        try (BrowserContext context = navigateur.contexte();
             Page page = context.newPage()) {
            page.navigate(url("/pro"));
            page.locator("button[data-persona='agent.actis@sne.test']").click();
            page.waitForURL(url("/pro"));
            page.locator("main a[href='/pro/courriers']").click();
            page.waitForURL(url("/pro/courriers"));
            assertTrue(page.locator("main table").first().textContent().contains(Pdfs.numeroLisible(numero)));
            check(page, "pro-courriers");

            page.locator("main form[action='/pro/courriers/impression'] button[type=submit]").click();
            page.waitForURL(u -> u.contains("/pro/courriers?lot="));
            assertTrue(page.locator(".fr-alert--success").textContent().contains("imprimé"));
            assertTrue(page.locator("main").textContent().contains("Derniers lots imprimés"));
            check(page, "pro-courriers-lot-imprime");
        }
    }
}
