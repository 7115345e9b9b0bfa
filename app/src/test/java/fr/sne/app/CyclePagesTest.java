package fr.sne.app;

import fr.sne.core.cycle.RadiationAutomatique;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application's life through the pages, as a browser uses them: who may renew, radiate and
 * de-radiate (the permission matrix), field errors next to their fields, the applicant's own
 * renewal window and reactivation.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CyclePagesTest implements SharedServicesTest {

    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    EmbeddedServer server;

    @Inject
    RadiationAutomatique radiation;

    private FabriqueDemandes fabrique;

    @BeforeAll
    void setUp() {
        fabrique = new FabriqueDemandes(server);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private String nouvelle() {
        return fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Pages"), "Eva", "1990-10-10"));
    }

    private WebClient agent(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    private static long compte(String sql, Object... params) {
        return FabriqueDemandes.nombre(sql, params);
    }

    private static Map<String, String> attribution(String rpls) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("motif", "RADATT");
        f.put("attribution-dateSignatureBail", today().toString());
        f.put("attribution-rpls", rpls);
        f.put("attribution-contingent", "PPRIOR");
        f.put("attribution-reservataire", "Préfecture de l'Isère");
        return f;
    }

    @Test
    void theMatrixOfWhoMayRenewRadiateAndDeradiate() {
        String numero = nouvelle();
        String fiche = "/pro/demandes/" + numero;

        // a commune's desk: renews, radiates, but never for an attribution
        WebClient stegreve = agent("agent.stegreve@sne.test");
        String choix = stegreve.page(fiche + "/radiation").body();
        assertTrue(choix.contains("motif-RADABA"), choix);
        assertFalse(choix.contains("motif-RADATT"), choix);
        assertTrue(choix.contains("réservée aux guichets des bailleurs"), choix);
        assertEquals(403, stegreve.page(fiche + "/radiation?motif=RADATT").statusCode());
        HttpResponse<String> radatt = stegreve.submit(fiche + "/radiation", attribution("0123456789"));
        assertEquals(403, radatt.statusCode(), radatt.body());
        assertEquals(403, stegreve.page(fiche + "/deradiation").statusCode());

        // a consultant reads the application, changes nothing
        WebClient consultant = agent("consultant@sne.test");
        String page = consultant.page(fiche).body();
        assertTrue(page.contains("Validité, renouvellement et radiation"), page);
        assertFalse(page.contains("id=\"renouveler\""), page);
        assertFalse(page.contains("id=\"radier\""), page);
        assertEquals(403, consultant.submit(fiche + "/renouvellement", Map.of()).statusCode());
        assertEquals(403, consultant.page(fiche + "/radiation").statusCode());

        // national support reads, and may only de-radiate
        WebClient support = agent("support@sne.test");
        assertEquals(403, support.submit(fiche + "/renouvellement", Map.of()).statusCode());
        assertEquals(403, support.page(fiche + "/radiation").statusCode());

        // another territory does not know it exists
        WebClient logis = agent("agent.logis@sne.test");
        assertEquals(404, logis.page(fiche + "/radiation").statusCode());
        assertEquals(404, logis.submit(fiche + "/renouvellement", Map.of()).statusCode());
        assertEquals(404, agent("gt.gard@sne.test").page(fiche + "/deradiation").statusCode());

        // without the CSRF token nothing happens
        WebClient actis = agent("agent.actis@sne.test");
        HttpResponse<String> sansJeton = actis.send(HttpRequest.newBuilder(actis.uri(fiche + "/renouvellement"))
                .header("Accept", WebClient.BROWSER_ACCEPT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build());
        assertEquals(403, sansJeton.statusCode());

        // the landlord's agent renews from the panel
        String panneau = actis.page(fiche).body();
        assertTrue(panneau.contains("id=\"renouveler\""), panneau);
        assertTrue(panneau.contains("id=\"radier\""), panneau);
        HttpResponse<String> renouvellement = actis.submit(fiche + "/renouvellement", Map.of());
        assertEquals(303, renouvellement.statusCode(), renouvellement.body());
        assertEquals(fiche + "#cycle", WebClient.location(renouvellement));
        assertTrue(actis.page(fiche).body().contains("La demande a été renouvelée aujourd’hui"));
        assertEquals(1, compte("SELECT count(*) FROM audit WHERE objet_id = ? AND acteur = 'agent.actis@sne.test' "
                + "AND apres->>'operation' = 'RENOUVELLEMENT'", numero));
    }

    @Test
    void aLandlordsAgentRadiatesForAnAttributionAfterCorrectingTheForm() {
        String numero = nouvelle();
        String fiche = "/pro/demandes/" + numero;
        WebClient actis = agent("agent.actis@sne.test");
        String formulaire = actis.page(fiche + "/radiation?motif=RADATT").body();
        assertTrue(formulaire.contains("id=\"attribution-rpls\""), formulaire);
        assertTrue(formulaire.contains("Hors contingent"), formulaire);

        Map<String, String> erronee = attribution("12345");
        erronee.put("attribution-dateSignatureBail", "");
        erronee.put("attribution-contingent", "");
        erronee.put("attribution-logement-surface", "beaucoup");
        HttpResponse<String> refus = actis.submit(fiche + "/radiation", erronee);
        assertEquals(422, refus.statusCode(), refus.body());
        for (String champ : new String[] {"attribution-logement-surface", "attribution-dateSignatureBail", "attribution-rpls",
                "attribution-contingent"}) {
            assertTrue(refus.body().contains("id=\"" + champ + "-erreur\""), champ + " in " + refus.body());
            assertTrue(refus.body().contains("href=\"#" + champ + "\""), "summary links to " + champ);
        }
        assertTrue(refus.body().contains("exactement 10 caractères"), refus.body());
        assertTrue(refus.body().contains("value=\"12345\""), "the agent's value stays");
        assertEquals(0, compte("SELECT count(*) FROM radiation WHERE numero_unique = ?", numero));

        HttpResponse<String> ok = actis.submit(fiche + "/radiation", attribution("38b0001234"));
        assertEquals(303, ok.statusCode(), ok.body());
        String page = actis.page(fiche).body();
        assertTrue(page.contains("Demande radiée le " + JOUR.format(today())), page);
        assertTrue(page.contains("Attribution d’un logement (bail signé) (RADATT)"), page);
        assertTrue(page.contains("38B0001234"), page);
        assertTrue(page.contains("Contingent préfectoral prioritaires"), page);
        assertTrue(page.contains("Julie Martin (ACTIS), guichet 38001"), page);
        assertFalse(page.contains("id=\"renouveler\""), "a RADATT is not renewed");
        assertFalse(page.contains("id=\"deradier\""), "a desk does not de-radiate");
        assertEquals(1, compte("SELECT count(*) FROM radiation WHERE numero_unique = ? AND rpls = '38B0001234' "
                + "AND reservataire = 'Préfecture de l''Isère'", numero));

        // a warning-bound motif without its warning: the reason above the form, nothing written
        String autre = nouvelle();
        HttpResponse<String> radcon = actis.submit("/pro/demandes/" + autre + "/radiation", Map.of("motif", "RADCON"));
        assertEquals(409, radcon.statusCode(), radcon.body());
        assertTrue(radcon.body().contains("id=\"conflit\""), radcon.body());
        assertTrue(radcon.body().contains("Aucun avertissement"), radcon.body());
        assertEquals(0, compte("SELECT count(*) FROM radiation WHERE numero_unique = ?", autre));
    }

    @Test
    void nationalSupportDeradiatesWithAReasonAndThePurgedCannotBeRestored() {
        String numero = nouvelle();
        String fiche = "/pro/demandes/" + numero;
        WebClient actis = agent("agent.actis@sne.test");
        assertEquals(303, actis.submit(fiche + "/radiation", attribution("0123456789")).statusCode());
        long statistique = compte("SELECT statistique_id FROM radiation WHERE numero_unique = ?", numero);

        WebClient support = agent("support@sne.test");
        String page = support.page(fiche).body();
        assertTrue(page.contains("id=\"deradier\""), page);
        assertTrue(support.page(fiche + "/deradiation").body().contains("Raison de la déradiation"));
        HttpResponse<String> sansRaison = support.submit(fiche + "/deradiation", Map.of("motif", "  "));
        assertEquals(422, sansRaison.statusCode(), sansRaison.body());
        assertTrue(sansRaison.body().contains("id=\"motif-erreur\""), sansRaison.body());
        assertEquals(0, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'DERAD'", numero));

        String raison = "Bail signé par un homonyme : radiation saisie sur la mauvaise demande";
        HttpResponse<String> ok = support.submit(fiche + "/deradiation", Map.of("motif", raison));
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals(1, compte("SELECT count(*) FROM demande WHERE numero_unique = ? AND etat = 'ACTIVE'", numero));
        assertEquals(1, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'DERAD'", numero));
        assertEquals(1, compte("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'DERDEM'", numero));
        assertEquals(1, compte("SELECT count(*) FROM audit WHERE objet_id = ? AND acteur = 'support@sne.test' AND profil = 'ASSISTANCE_NATIONALE' "
                + "AND apres->>'raison' = ?", numero, raison));
        assertEquals(1, compte("SELECT count(*) FROM radiation WHERE numero_unique = ? AND levee_type = 'DERADIATION' AND levee_motif = ?",
                numero, raison));
        assertEquals(1, compte("SELECT count(*) FROM radiation_statistique WHERE id = ? AND annulee", statistique));
        String apres = support.page(fiche).body();
        assertTrue(apres.contains("Radiations levées"), apres);
        assertTrue(apres.contains(raison), apres);
        assertEquals(409, support.submit(fiche + "/deradiation", Map.of("motif", raison)).statusCode(), "no longer radiated");

        // the territory's manager may too; once purged, nobody can
        assertEquals(303, actis.submit(fiche + "/radiation", attribution("0123456789")).statusCode());
        FabriqueDemandes.sql("INSERT INTO demande_purgee (territoire, numero_unique, motif, date_radiation) VALUES ('038', ?, 'RADABA', ?)",
                "0380101999999" + "38001", today().minusYears(1));
        HttpResponse<String> purgee = agent("gt.isere@sne.test").submit("/pro/demandes/038010199999938001/deradiation",
                Map.of("motif", raison));
        assertEquals(409, purgee.statusCode(), purgee.body());
        assertTrue(purgee.body().contains("a été purgée"), purgee.body());
        assertEquals(303, agent("gt.isere@sne.test").submit(fiche + "/deradiation", Map.of("motif", raison)).statusCode());
    }

    @Test
    void theApplicantRenewsOnlyTheirOwnApplicationAndFromThreeMonthsBeforeItsDeadline() {
        String email = "renouvellement." + MaDemandeTest.nom("x") + "@exemple.fr";
        MaDemandeTest.Enregistree e = MaDemandeTest.enregistree(server, email);
        String numero = e.numero();
        WebClient demandeur = e.demandeur();
        // "Renouveler ma demande" on the portal's home leads to their application's renewal
        HttpResponse<String> tuile = demandeur.page("/renouvellement");
        assertEquals(303, tuile.statusCode(), tuile.body());
        assertEquals("/mes-demandes/" + numero + "#cycle", WebClient.location(tuile));
        String page = demandeur.page("/mes-demandes/" + numero).body();
        assertTrue(page.contains("à partir du " + JOUR.format(today().plusYears(1).minusMonths(3)) + " (trois mois avant"), page);
        HttpResponse<String> tot = demandeur.submit("/mes-demandes/" + numero + "/renouvellement", Map.of());
        assertEquals(409, tot.statusCode(), tot.body());
        assertTrue(tot.body().contains("vous pourrez la renouveler en ligne à partir du"), tot.body());

        FabriqueDemandes.sql("UPDATE demande SET date_prochain_renouvellement = ? WHERE numero_unique = ?", today().plusDays(20), numero);
        assertTrue(demandeur.page("/mes-demandes/" + numero).body().contains("id=\"renouveler\""));
        HttpResponse<String> confirmation = demandeur.page("/mes-demandes/" + numero + "/renouvellement");
        assertEquals(200, confirmation.statusCode(), confirmation.body());
        assertTrue(confirmation.body().contains("Confirmer le renouvellement"), confirmation.body());
        assertTrue(confirmation.body().contains(JOUR.format(today().plusYears(1))), confirmation.body());

        // somebody else's application is not found
        WebClient autre = new WebClient(server);
        autre.signInAsApplicant("autre." + MaDemandeTest.nom("x") + "@exemple.fr", "Paul", "Autre");
        assertEquals(404, autre.page("/mes-demandes/" + numero + "/renouvellement").statusCode());
        assertEquals(404, autre.submit("/mes-demandes/" + numero + "/renouvellement", Map.of()).statusCode());

        HttpResponse<String> ok = demandeur.submit("/mes-demandes/" + numero + "/renouvellement", Map.of());
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals("/mes-demandes/" + numero + "#cycle", WebClient.location(ok));
        assertTrue(demandeur.page("/mes-demandes/" + numero).body().contains("Votre demande est renouvelée"));
        assertEquals(1, compte("SELECT count(*) FROM demande WHERE numero_unique = ? AND date_dernier_renouvellement = ? "
                + "AND date_prochain_renouvellement = ?", numero, today(), today().plusYears(1)));
        assertEquals(1, compte("SELECT count(*) FROM audit WHERE objet_id = ? AND acteur LIKE 'demandeur:%' AND action = 'MODIFICATION' "
                + "AND apres->>'operation' = 'RENOUVELLEMENT'", numero));
        assertEquals(1, compte("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'RENDEM' AND auteur LIKE 'demandeur:%'", numero));
        assertEquals(1, compte("SELECT count(*) FROM envoi_attestation WHERE numero_unique = ? AND motif = 'RENOUVELLEMENT' AND guichet = 'GDPUB'",
                numero));

        // radiated for non-renewal, they reactivate it themselves
        FabriqueDemandes.sql("UPDATE demande SET date_prochain_renouvellement = ? WHERE numero_unique = ?", today().minusMonths(2), numero);
        radiation.executer(today());
        String radiee = demandeur.page("/mes-demandes/" + numero).body();
        assertTrue(radiee.contains("Votre demande a été radiée le " + JOUR.format(today())), radiee);
        assertTrue(radiee.contains("Motif : Non-renouvellement."), radiee);
        assertTrue(radiee.contains("Réactiver ma demande"), radiee);
        assertTrue(demandeur.page("/mes-demandes/" + numero + "/renouvellement").body().contains("Confirmer la réactivation"));
        assertEquals(303, demandeur.submit("/mes-demandes/" + numero + "/renouvellement", Map.of()).statusCode());
        assertEquals(1, compte("SELECT count(*) FROM demande WHERE numero_unique = ? AND etat = 'ACTIVE'", numero));
    }
}
