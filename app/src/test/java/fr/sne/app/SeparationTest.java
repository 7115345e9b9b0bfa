package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Separation of a couple: the former co-holder gets their own application with the couple's
 * filing date (seniority) and a new number (movement CRS), linked to the original; then the desk
 * is guided to update the original.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeparationTest implements SharedServicesTest {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");

    @Inject
    EmbeddedServer server;

    private FabriqueDemandes fabrique;
    private WebClient web;

    @BeforeAll
    void setUp() {
        fabrique = new FabriqueDemandes(server);
        web = new WebClient(server);
    }

    /** A couple's application whose co-holder, Marc, has a birth name no other test uses. */
    private String couple() {
        String numero = fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Couple"), "Anne",
                "1982-02-02").famille(true, 2).communes("38185", "38382"));
        FabriqueDemandes.sql("UPDATE demande SET document = jsonb_set(document, '{cotitulaires,0,nomNaissance}', to_jsonb(?::text)) "
                + "WHERE numero_unique = ?", FabriqueDemandes.nomUnique("Conjoint"), numero);
        return numero;
    }

    private HttpResponse<String> separer(String client, String numero, String corps) {
        return web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes/" + numero + "/separation"))
                .header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(corps)).build());
    }

    private static String corps(int rang, String personnes, String extra) {
        return """
                {"rangCotitulaire": %d, "situationFamiliale": "S", "mel": "marc@example.org",
                 "adresse": {"numero": "3", "voie": "rue Lesdiguières", "codePostal": "38000", "communeInsee": "38185"},
                 "personnesACharge": [%s]%s}""".formatted(rang, personnes, extra);
    }

    @Test
    void theFormerCoHolderGetsANewNumberWithTheCouplesSeniorityThroughTheApi() {
        String couple = couple();
        FabriqueDemandes.sql("UPDATE demande SET date_depot = DATE '2024-03-15', date_prochain_renouvellement = DATE '2027-03-15', "
                + "date_dernier_renouvellement = DATE '2026-03-15' WHERE numero_unique = ?", couple);

        HttpResponse<String> r = separer("editeur-stegreve", couple, corps(1, "2", ""));
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = NUMERO.matcher(r.body());
        assertTrue(m.find());
        String nouveau = m.group(1);
        assertTrue(nouveau.startsWith("0380324"), "territory and MMYY of the couple's filing date: " + nouveau);
        assertTrue(nouveau.endsWith("38002"), "the separating desk's code: " + nouveau);
        assertFalse(nouveau.equals(couple));
        assertTrue(r.body().contains("\"dateDepot\":\"2024-03-15\""), r.body());
        assertTrue(r.body().contains("\"dateProchainRenouvellement\":\"2027-03-15\""), "the couple's validity is kept: " + r.body());
        assertTrue(r.body().contains("\"nomNaissance\":\"Conjoint") && r.body().contains("\"prenoms\":\"Marc\""), r.body());
        assertTrue(r.body().contains("\"motifs\":[\"11\"]"), "motif divorce, séparation: " + r.body());
        assertTrue(r.body().contains("PetitB") && !r.body().contains("PetitA"), "only the chosen dependant follows: " + r.body());
        assertFalse(r.body().contains("\"cotitulaires\":[{"), r.body());

        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'CRS'", nouveau));
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'CRE'", nouveau));
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'CRSDEM' "
                + "AND commentaire LIKE ?", nouveau, "%" + couple + "%"));
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'SEPDEM'", couple));
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM demande WHERE numero_unique = ? AND demande_origine = ?", nouveau, couple));
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM audit WHERE objet_id = ? AND action = 'CREATION' "
                + "AND apres->>'demandeOrigine' = ?", nouveau, couple));
        // the new applicant receives their own attestation
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM envoi_attestation WHERE numero_unique = ?", nouveau));

        // the same co-holder again: a probable duplicate, unless the desk says why
        HttpResponse<String> encore = separer("editeur-stegreve", couple, corps(1, "", ""));
        assertEquals(409, encore.statusCode(), encore.body());
        assertTrue(encore.body().contains(nouveau), encore.body());
        assertEquals(201, separer("editeur-stegreve", couple, corps(1, "", ", \"confirmationNonDoublon\": \"Erreur de saisie corrigée\""))
                .statusCode());
    }

    @Test
    void badChoicesAreNamedAndOtherTerritoriesSeeNothing() {
        String couple = couple();
        HttpResponse<String> rang = separer("editeur-actis", couple, corps(2, "5", ""));
        assertEquals(400, rang.statusCode(), rang.body());
        assertTrue(rang.body().contains("\"champ\":\"rangCotitulaire\"") && rang.body().contains("\"champ\":\"personnesACharge\""),
                rang.body());
        HttpResponse<String> sansAdresse = separer("editeur-actis", couple,
                "{\"rangCotitulaire\": 1, \"situationFamiliale\": \"S\"}");
        assertEquals(400, sansAdresse.statusCode());
        assertTrue(sansAdresse.body().contains("\"champ\":\"demandeur.adresse\""), sansAdresse.body());
        assertEquals(400, separer("editeur-actis", couple, "{\"rangCotitulaire\": ").statusCode(), "malformed JSON");
        assertEquals(404, separer("editeur-logis", couple, corps(1, "", "")).statusCode(), "another territory");
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM demande WHERE demande_origine = ?", couple), "nothing written");

        String seul = fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Seul"), "Paul", "1979-09-09"));
        HttpResponse<String> sansCotitulaire = separer("editeur-actis", seul, corps(1, "", ""));
        assertEquals(409, sansCotitulaire.statusCode(), sansCotitulaire.body());
        assertTrue(sansCotitulaire.body().contains("cotitulaire"), sansCotitulaire.body());
    }

    @Test
    void aDeskSeparatesInTheBrowserAndIsTakenToTheCouplesApplication() {
        String couple = couple();
        WebClient agent = new WebClient(server);
        agent.signInAs("agent.actis@sne.test");
        HttpResponse<String> fiche = agent.page("/pro/demandes/" + couple);
        assertTrue(fiche.body().contains("Créer la demande de l’ancien cotitulaire"), fiche.body());

        HttpResponse<String> formulaire = agent.page("/pro/demandes/" + couple + "/separation");
        assertEquals(200, formulaire.statusCode(), formulaire.body());
        assertTrue(formulaire.body().contains("Marc Conjoint"), "the co-holder to choose: " + formulaire.body());

        HttpResponse<String> incomplet = agent.submitPairs("/pro/demandes/" + couple + "/separation", List.of(
                Map.entry("version", "1"), Map.entry("rangCotitulaire", "1"), Map.entry("demandeur.situationFamiliale", "D")));
        assertEquals(422, incomplet.statusCode());
        assertTrue(incomplet.body().contains("Indiquez l’adresse actuelle de l’ancien cotitulaire"), incomplet.body());
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM demande WHERE demande_origine = ?", couple));

        HttpResponse<String> cree = agent.submitPairs("/pro/demandes/" + couple + "/separation", List.of(
                Map.entry("version", "1"), Map.entry("rangCotitulaire", "1"), Map.entry("demandeur.situationFamiliale", "D"),
                Map.entry("demandeur.adresse.voie", "avenue Alsace-Lorraine"), Map.entry("demandeur.adresse.codePostal", "38000"),
                Map.entry("demandeur.adresse.communeInsee", "38185"), Map.entry("personnesACharge", "1"),
                Map.entry("personnesACharge", "2")));
        assertEquals(303, cree.statusCode(), cree.body());
        String suite = WebClient.location(cree);
        assertTrue(suite.startsWith("/pro/demandes/" + couple + "/modifier?onglet=conjoint&separation="), suite);
        String nouveau = suite.substring(suite.indexOf("separation=") + "separation=".length());
        HttpResponse<String> guide = agent.page(suite);
        assertTrue(guide.body().contains("est créée pour l’ancien cotitulaire"), guide.body());
        assertTrue(guide.body().contains("retrait du cotitulaire"), guide.body());

        // the desk then removes the co-holder from the couple's application and changes the family situation
        HttpResponse<String> retrait = agent.submitPairs("/pro/demandes/" + couple + "/modifier", List.of(
                Map.entry("onglet", "conjoint"), Map.entry("version", "1"), Map.entry("action", "modifier")));
        assertEquals(303, retrait.statusCode(), retrait.body());
        assertEquals(0, FabriqueDemandes.nombre("SELECT jsonb_array_length(coalesce(document->'cotitulaires', '[]'::jsonb)) "
                + "FROM demande WHERE numero_unique = ?", couple), "co-holder removed");

        HttpResponse<String> nouvelle = agent.page("/pro/demandes/" + nouveau);
        assertTrue(nouvelle.body().contains("a été créée après une séparation"), nouvelle.body());
        assertTrue(nouvelle.body().contains(couple));
        assertTrue(agent.page("/pro/demandes/" + couple).body().contains(nouveau), "the couple's page links the new application");

        // a consultant reads, but does not separate
        WebClient consultant = new WebClient(server);
        consultant.signInAs("consultant@sne.test");
        assertFalse(consultant.page("/pro/demandes/" + couple).body().contains("Créer la demande de l’ancien cotitulaire"));
        assertEquals(403, consultant.page("/pro/demandes/" + couple + "/separation").statusCode());
    }

    @Test
    void theSeparationFormIsUsableInABrowser() {
        String couple = couple();
        Navigateur navigateur = Navigateur.partage();
        String base = "http://localhost:" + server.getPort();
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, base, "agent.actis@sne.test");
            page.navigate(base + "/pro/demandes/" + couple);
            page.locator("#volet-separation a").click();
            page.waitForURL(base + "/pro/demandes/" + couple + "/separation");
            page.locator("main button[type=submit]").click();
            page.waitForLoadState();
            assertTrue(page.locator("#resume-erreurs").textContent().contains("adresse actuelle"));
            navigateur.verifier(page, "pro-separation-erreurs");
            page.locator("[id='demandeur.adresse.voie']").fill("rue Félix-Poulat");
            page.locator("[id='demandeur.adresse.codePostal']").fill("38000");
            page.locator("[id='demandeur.adresse.communeInsee']").fill("38185");
            page.locator("label[for='personnesACharge-1']").click();
            page.locator("main button[type=submit]").click();
            page.waitForURL(u -> u.contains("/modifier?onglet=conjoint&separation="));
            assertTrue(page.locator(".fr-alert--success").textContent().contains("est créée pour l’ancien cotitulaire"));
            navigateur.verifier(page, "pro-separation-mise-a-jour-guidee");
            page.locator("label[for='retirer-cotitulaire-0']").click();
            page.locator("main button[name=action][value=modifier]").click();
            page.waitForURL(base + "/pro/demandes/" + couple + "?message=modifiee");
            assertEquals(0, FabriqueDemandes.nombre("SELECT jsonb_array_length(coalesce(document->'cotitulaires', '[]'::jsonb)) "
                    + "FROM demande WHERE numero_unique = ?", couple), "co-holder removed with one tick");
        }
    }
}
