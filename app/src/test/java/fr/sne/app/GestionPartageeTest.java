package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gestion partagée on the pages: the history panel and its permission matrix (adding, deleting
 * one's own desk's events only, reading), the applicant's view and the territory's setting, the
 * priority data form, the derived indicators on the page and as search filters.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GestionPartageeTest implements SharedServicesTest {

    private static final Pattern LIGNE = Pattern.compile("id=\"evenement-(\\d+)\"");

    @Inject
    EmbeddedServer server;

    private FabriqueDemandes fabrique;

    @BeforeAll
    void setUp() {
        fabrique = new FabriqueDemandes(server);
    }

    private WebClient connecte(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    /** Signs in and, when the person holds several habilitations (other tests may add one), chooses this one. */
    private WebClient connecte(String email, String habilitation) {
        WebClient web = connecte(email);
        if (web.page("/pro").statusCode() == 303) {
            Matcher m = Pattern.compile("id=\"habilitation-(\\d+)\"[^>]*>\\s*<label[^>]*>" + Pattern.quote(habilitation) + "</label>")
                    .matcher(web.page("/pro/habilitation").body());
            assertTrue(m.find(), "no habilitation " + habilitation);
            assertEquals(303, web.submit("/pro/habilitation", Map.of("habilitation", m.group(1))).statusCode());
        }
        return web;
    }

    private static String aujourdhui() {
        return LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    }

    private String demande(String nom) {
        return fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique(nom), "Lina", "1988-04-12"));
    }

    private static HttpResponse<String> ajouter(WebClient web, String numero, String type, String date, String commentaire) {
        return web.submit("/pro/demandes/" + numero + "/evenements", Map.of("type", type, "dateSurvenance", date, "commentaire", commentaire));
    }

    /** The ids of the history's rows, most recent first. */
    private static List<Long> lignes(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = LIGNE.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static String suppression(String numero, long id) {
        return "/pro/demandes/" + numero + "/evenements/" + id + "/suppression";
    }

    @Test
    void permissionMatrixOfTheHistory() {
        String numero = demande("Matrice");
        WebClient actis = connecte("agent.actis@sne.test");
        HttpResponse<String> ajout = ajouter(actis, numero, "TENAD00022", aujourdhui(), "Avis d’imposition 2025");
        assertEquals(303, ajout.statusCode(), ajout.body());
        assertEquals("/pro/demandes/" + numero + "?evenement=ajoute#historique", WebClient.location(ajout));
        String page = actis.page("/pro/demandes/" + numero + "?evenement=ajoute").body();
        assertTrue(page.contains("L’événement a été ajouté à l’historique."), page);
        long id = lignes(page).getFirst();
        assertTrue(page.contains(suppression(numero, id)), "the creating desk is offered the deletion");
        assertTrue(page.contains("Ajouter l’événement"), "and the form");

        // another desk of the territory sees it, without a delete button, and cannot delete it
        WebClient stegreve = connecte("agent.stegreve@sne.test");
        String vue = stegreve.page("/pro/demandes/" + numero).body();
        assertTrue(vue.contains("id=\"evenement-" + id + "\"") && vue.contains("Avis d’imposition 2025"), vue);
        assertFalse(vue.contains(suppression(numero, id)), "no delete button for another desk's event");
        assertEquals(403, stegreve.page(suppression(numero, id)).statusCode());
        assertEquals(403, stegreve.submit(suppression(numero, id), Map.of()).statusCode());
        // a consultant reads the history, without the forms
        WebClient consultant = connecte("consultant@sne.test");
        String lecture = consultant.page("/pro/demandes/" + numero).body();
        assertTrue(lecture.contains("id=\"evenement-" + id + "\""), lecture);
        assertFalse(lecture.contains("Ajouter l’événement") || lecture.contains("Modifier les données de priorité"), lecture);
        assertEquals(403, ajouter(consultant, numero, "VISPRO", aujourdhui(), "").statusCode());
        // the national support reads, changes nothing; another territory does not know the application
        WebClient support = connecte("support@sne.test");
        assertTrue(support.page("/pro/demandes/" + numero).body().contains("id=\"evenement-" + id + "\""));
        assertEquals(403, ajouter(support, numero, "VISPRO", aujourdhui(), "").statusCode());
        WebClient logis = connecte("agent.logis@sne.test");
        assertEquals(404, ajouter(logis, numero, "VISPRO", aujourdhui(), "").statusCode());
        assertEquals(404, logis.submit(suppression(numero, id), Map.of()).statusCode());

        // the territorial manager enters events as the territory's management, deletes those only
        WebClient gt = connecte("gt.isere@sne.test");
        assertEquals(303, ajouter(gt, numero, "AVERAD", aujourdhui(), "Courrier du 2 novembre sans réponse").statusCode());
        String vueGt = gt.page("/pro/demandes/" + numero).body();
        long avertissement = lignes(vueGt).getFirst();
        assertTrue(vueGt.contains("Gestionnaire territorial"), vueGt);
        assertTrue(vueGt.contains(suppression(numero, avertissement)) && !vueGt.contains(suppression(numero, id)), vueGt);
        assertEquals(403, gt.submit(suppression(numero, id), Map.of()).statusCode());
        assertEquals(403, actis.submit(suppression(numero, avertissement), Map.of()).statusCode());

        // the desk's manager deletes an event of their desk, after the confirmation page
        WebClient manager = connecte("manager.actis@sne.test", "Guichet manager — ACTIS (38001)");
        HttpResponse<String> confirmation = manager.page(suppression(numero, id));
        assertEquals(200, confirmation.statusCode(), confirmation.body());
        assertTrue(confirmation.body().contains("Confirmer la suppression"), confirmation.body());
        HttpResponse<String> supprime = manager.submit(suppression(numero, id), Map.of());
        assertEquals(303, supprime.statusCode(), supprime.body());
        String apres = stegreve.page("/pro/demandes/" + numero).body();
        assertTrue(apres.contains("id=\"evenement-" + id + "\"") && apres.contains("Supprimé le"), "still shown, flagged: " + apres);
        assertEquals(409, manager.page(suppression(numero, id)).statusCode(), "already deleted");
        assertEquals(3, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'EVT' "
                + "AND parties = '{EVT}'", numero), "one movement per creation (desk, GT) and per deletion");
    }

    @Test
    void aMistakeIsShownNextToItsField() {
        String numero = demande("Erreur");
        WebClient actis = connecte("agent.actis@sne.test");
        HttpResponse<String> r = ajouter(actis, numero, "REFDEM", LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3).toString(), "");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("id=\"evenement-date-erreur\"") && r.body().contains("ne peut pas être postérieure à aujourd’hui"), r.body());
        assertTrue(r.body().contains("id=\"evenement-commentaire-erreur\"") && r.body().contains("Indiquez le motif du refus du demandeur."),
                r.body());
        assertTrue(r.body().contains("href=\"#evenement-date\""), "the summary links to the field");
        assertTrue(r.body().contains("<option value=\"REFDEM\" selected=\"selected\""), "the person's choice is kept");
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM evenement WHERE numero_unique = ? AND origine = 'GUICHET'", numero));
        // a form without its CSRF token changes nothing
        assertEquals(403, actis.submit("/pro/demandes/" + numero + "/evenements", Map.of("csrfToken", "faux", "type", "VISPRO",
                "dateSurvenance", aujourdhui())).statusCode());
    }

    @Test
    void theApplicantSeesWhatIsMeantForThemAndTheTerritoryDecidesOnRegulatoryEvents() {
        MaDemandeTest.Enregistree e = MaDemandeTest.enregistree(server, "suivi." + MaDemandeTest.nom("x") + "@exemple.fr");
        String numero = e.numero();
        WebClient actis = connecte("agent.actis@sne.test");
        assertEquals(303, ajouter(actis, numero, "TENAD00022", aujourdhui(), "Merci de nous adresser votre avis d’imposition").statusCode());
        assertEquals(303, ajouter(actis, numero, "VISPRO", aujourdhui(), "Visite le 3 décembre à 10 h").statusCode());
        assertEquals(303, ajouter(actis, numero, "NOTINT", aujourdhui(), "Ménage déjà rencontré en 2024").statusCode());
        assertEquals(303, ajouter(actis, numero, "VISEFF", aujourdhui(), "Visite saisie par erreur").statusCode());
        long erreur = lignes(actis.page("/pro/demandes/" + numero).body()).getFirst();
        assertEquals(303, actis.submit(suppression(numero, erreur), Map.of()).statusCode());

        String portail = e.demandeur().page("/mes-demandes/" + numero).body();
        assertTrue(portail.contains("Le suivi de ma demande"), portail);
        assertTrue(portail.contains("Demande d’informations ou de pièces justificatives")
                && portail.contains("Merci de nous adresser votre avis d’imposition"), "regulatory, opened in 038: " + portail);
        assertTrue(portail.contains("Visite de logement proposée") && portail.contains("Validation de la demande"), portail);
        assertTrue(portail.contains(">ACTIS</td>"), "the desk's name: " + portail);
        assertFalse(portail.contains("Ménage déjà rencontré") || portail.contains("Note à l’attention"), "professionals only");
        assertFalse(portail.contains("Visite saisie par erreur") || portail.contains("Visite de logement effectuée"), "deleted");
        assertFalse(portail.contains("Julie Martin") || portail.contains("agent.actis"), "never the agent: " + portail);
        // the professionals still see the deleted event, flagged
        String pro = actis.page("/pro/demandes/" + numero).body();
        assertTrue(pro.contains("Visite saisie par erreur") && pro.contains("Supprimé le"), pro);

        // the territorial manager closes regulatory events on the portal: the others stay
        WebClient gt = connecte("gt.isere@sne.test");
        try {
            HttpResponse<String> reglage = gt.submit("/pro/admin/territoires/038", Map.of());
            assertEquals(303, reglage.statusCode(), reglage.body());
            String ferme = e.demandeur().page("/mes-demandes/" + numero).body();
            assertFalse(ferme.contains("Demande d’informations ou de pièces justificatives"), ferme);
            assertTrue(ferme.contains("Visite de logement proposée"), ferme);
        } finally {
            assertEquals(303, gt.submit("/pro/admin/territoires/038", Map.of("evenementsVisibles", "true")).statusCode());
        }
        assertTrue(e.demandeur().page("/mes-demandes/" + numero).body().contains("Demande d’informations ou de pièces justificatives"));
        // the GT changes nothing else of the territory; a consultant cannot change it at all
        assertTrue(gt.page("/pro/admin/territoires/038").body().contains("24 mois (fixé par arrêté préfectoral)"));
        assertEquals(403, connecte("consultant@sne.test").submit("/pro/admin/territoires/038", Map.of()).statusCode());
        assertEquals(404, connecte("gt.gard@sne.test").submit("/pro/admin/territoires/038", Map.of()).statusCode(),
                "another territory's GT does not reach it");
    }

    @Test
    void priorityDataFromThePanel() {
        String numero = demande("Priorite");
        WebClient actis = connecte("agent.actis@sne.test");
        String fiche = actis.page("/pro/demandes/" + numero).body();
        assertTrue(fiche.contains("Aucune donnée de priorité n’a encore été enregistrée"), fiche);
        assertTrue(fiche.contains("Modifier les données de priorité"), fiche);
        List<Map.Entry<String, String>> erreurs = List.of(Map.entry("version", "0"), Map.entry("statutDalo", "CADUC"),
                Map.entry("dateDecisionDalo", "2026-01-15"), Map.entry("contingents", "AUCUN"), Map.entry("contingents", "COLTER"));
        HttpResponse<String> invalide = actis.submitPairs("/pro/demandes/" + numero + "/priorite", erreurs);
        assertEquals(422, invalide.statusCode(), invalide.body());
        assertTrue(invalide.body().contains("Indiquez la date de caducité de la décision DALO."), invalide.body());
        assertTrue(invalide.body().contains("« Hors contingent » (AUCUN) exclut les autres contingents"), invalide.body());
        assertTrue(invalide.body().contains("id=\"priorite-contingents-AUCUN\" value=\"AUCUN\" checked=\"checked\""),
                "the person's values are kept: " + invalide.body());

        List<Map.Entry<String, String>> valides = List.of(Map.entry("version", "0"), Map.entry("statutDalo", "ACTIF"),
                Map.entry("dateDecisionDalo", "2026-01-15"), Map.entry("dateFinDalo", ""), Map.entry("categories", "HAND"),
                Map.entry("labelsLocaux", "Accord collectif départemental\r\nPDALHPD"), Map.entry("contingents", "PPRIOR"));
        HttpResponse<String> ok = actis.submitPairs("/pro/demandes/" + numero + "/priorite", valides);
        assertEquals(303, ok.statusCode(), ok.body());
        String apres = actis.page(WebClient.location(ok).replace("#priorite", "")).body();
        assertTrue(apres.contains("Les données de priorité sont enregistrées."), apres);
        assertTrue(apres.contains("id=\"priorite-statut\">Actif<") && apres.contains("PDALHPD")
                && apres.contains("Contingent préfectoral prioritaires"), apres);
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'MOD' "
                + "AND parties = '{DALO,PRIO,CONT}'", numero));

        // a stale form: nothing written, the conflict named, the person's values kept
        HttpResponse<String> perime = connecte("agent.stegreve@sne.test").submitPairs("/pro/demandes/" + numero + "/priorite",
                List.of(Map.entry("version", "0"), Map.entry("statutDalo", "NON"), Map.entry("contingents", "COLACT")));
        assertEquals(409, perime.statusCode(), perime.body());
        assertTrue(perime.body().contains("modifiées pendant votre saisie par ACTIS (38001)"), perime.body());
        assertTrue(perime.body().contains("id=\"priorite-contingents-COLACT\" value=\"COLACT\" checked=\"checked\""), perime.body());
        assertTrue(perime.body().contains("name=\"version\" value=\"1\""), "saving again applies them to the current version");
        // a consultant sees the data, not the form
        String consultant = connecte("consultant@sne.test").page("/pro/demandes/" + numero).body();
        assertTrue(consultant.contains("PDALHPD") && !consultant.contains("priorite-formulaire"), consultant);
        assertEquals(403, connecte("consultant@sne.test").submitPairs("/pro/demandes/" + numero + "/priorite", valides).statusCode());
    }

    @Test
    void derivedIndicatorsOnThePageAndAsSearchFilters() {
        // 038's delay is 24 months: filed 23 months ago, it will be reached within 3 months
        String ancienne = demande("Ancienne");
        FabriqueDemandes.sql("UPDATE demande SET date_depot = current_date - interval '23 months' WHERE numero_unique = ?", ancienne);
        String recente = demande("Recente");
        String conditions = demande("Conditions");
        String bail = demande("Bail");
        WebClient actis = connecte("agent.actis@sne.test");
        for (String n : List.of(conditions, bail)) {
            assertEquals(303, ajouter(actis, n, "DESCAL", aujourdhui(), "Rang 2 sur le logement 12 rue des Alpes").statusCode());
            assertEquals(303, ajouter(actis, n, "ATTCSU", aujourdhui(), "Sous réserve de l’accord de l’employeur").statusCode());
        }
        // a lease signed the same day follows both attributions
        assertEquals(303, ajouter(actis, bail, "SIGBAI", aujourdhui(), "").statusCode());

        WebClient gt = connecte("gt.isere@sne.test");
        String page = gt.page("/pro/demandes/" + ancienne).body();
        assertTrue(page.contains("Délai anormalement long") && page.contains("Sera atteint le"), page);
        assertFalse(gt.page("/pro/demandes/" + recente).body().contains("fr-badge--warning"));
        String multiples = gt.page("/pro/demandes/" + conditions).body();
        assertTrue(multiples.contains("Multiples attributions sous conditions") && multiples.contains("2 attributions sous condition"), multiples);
        assertFalse(gt.page("/pro/demandes/" + bail).body().contains("Multiples attributions sous conditions"), "a lease followed");

        assertTrue(trouve(gt, ancienne, "delaiAnormalementLong=oui"));
        assertFalse(trouve(gt, recente, "delaiAnormalementLong=oui"));
        assertTrue(trouve(gt, recente, "delaiAnormalementLong=non"));
        assertFalse(trouve(gt, ancienne, "delaiAnormalementLong=non"));
        assertTrue(trouve(gt, conditions, "attributionsMultiples=oui"));
        assertFalse(trouve(gt, bail, "attributionsMultiples=oui"));
        assertTrue(trouve(gt, bail, "attributionsMultiples=non"));
        assertFalse(trouve(gt, recente, "attributionsMultiples=oui"));
        // a deleted attribution no longer counts
        long descal = FabriqueDemandes.nombre("SELECT id FROM evenement WHERE numero_unique = ? AND code = 'DESCAL'", conditions);
        assertEquals(303, actis.submit(suppression(conditions, descal), Map.of()).statusCode());
        assertFalse(trouve(gt, conditions, "attributionsMultiples=oui"));
        assertEquals(400, gt.page("/pro/demandes?attributionsMultiples=peutetre").statusCode());
    }

    /** Whether the search with this filter finds the application (searched by its number). */
    private static boolean trouve(WebClient web, String numero, String filtre) {
        HttpResponse<String> r = web.page("/pro/demandes?numero=" + numero + "&" + filtre);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().contains(">" + numero + "</a>");
    }
}
