package fr.sne.app;

import fr.sne.core.avis.EnvoiAvis;
import fr.sne.core.avis.PlanificationAvis;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renewal letters: one printable PDF/A batch per desk (the applications it registered), the
 * portal's applications in their territory's batch; a desk prints its own batch only, a
 * territorial manager any batch of the territory, another territory never.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class AvisCourriersTest implements SharedServicesTest {

    private static final Pattern LOT = Pattern.compile("lot=([0-9a-f-]{36})&nombre=(\\d+)");

    @Inject
    EmbeddedServer server;

    @Inject
    PlanificationAvis planification;

    @Inject
    EnvoiAvis envoi;

    private WebClient connecte(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    /** Prints a batch as {@code web}'s person; the batch's id and size. */
    private static Map.Entry<UUID, Integer> imprimer(WebClient web, String pile) {
        HttpResponse<String> r = web.submit("/pro/courriers/renouvellement/impression", Map.of("pile", pile));
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = LOT.matcher(WebClient.location(r));
        assertTrue(m.find(), WebClient.location(r));
        return Map.entry(UUID.fromString(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Test
    void eachDeskPrintsItsOwnBatchAndTheTerritorialManagerTheTerritorysNeverAnotherTerritorys() {
        LocalDate aujourdhui = AvisFixture.aujourdhui();
        AvisFixture f = new AvisFixture(server);
        String actis = f.creer("editeur-actis", "Actis", null, null, "38185", "38000");
        String stegreve = f.creer("editeur-stegreve", "Stegreve", null, "0611111111", "38382", "38120");
        String gard = f.creer("editeur-logis", "Gardoise", null, null, "30189", "30000");
        String enLigne = MaDemandeTest.enregistree(server, AvisFixture.mel("enligne")).numero();
        assertTrue(enLigne.endsWith("GDPUB"), enLigne);
        LocalDate echeance = aujourdhui.plusDays(20);
        for (String n : List.of(actis, stegreve, gard, enLigne)) {
            AvisFixture.echeance(n, echeance);
        }
        planification.planifier(aujourdhui);
        envoi.envoyer(Instant.now());
        assertEquals(List.of("PREMIER_AVIS COURRIER A_IMPRIMER", "DERNIER_AVIS RECOMMANDE A_IMPRIMER"), AvisFixture.envois(actis),
                "within a month already: the first notice and the registered letter");
        assertEquals(List.of("PREMIER_AVIS COURRIEL ENVOYE", "PREMIER_AVIS SMS ENVOYE", "DERNIER_AVIS RECOMMANDE A_IMPRIMER"),
                AvisFixture.envois(enLigne));
        assertEquals(null, AvisFixture.envoi(enLigne, "RECOMMANDE", "guichet"), "the territory's batch");
        assertEquals("30001", AvisFixture.envoi(gard, "RECOMMANDE", "guichet"));

        // a desk sees and prints its own letters only
        WebClient agentActis = connecte("agent.actis@sne.test");
        String page = agentActis.page("/pro/courriers/renouvellement").body();
        assertTrue(page.contains(Pdfs.numeroLisible(actis)), page);
        for (String autre : List.of(stegreve, gard, enLigne)) {
            assertFalse(page.contains(Pdfs.numeroLisible(autre)), autre);
        }
        assertEquals(403, agentActis.submit("/pro/courriers/renouvellement/impression", Map.of("pile", "38002")).statusCode());
        Map.Entry<UUID, Integer> lotActis = imprimer(agentActis, "38001");
        HttpResponse<byte[]> pdf = agentActis.download("/pro/courriers/renouvellement/lots/" + lotActis.getKey());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        Pdfs.assertPdfA(pdf.body());
        Pdfs.enregistrer(pdf.body(), "courriers-renouvellement-38001");
        assertEquals(lotActis.getValue(), Pdfs.pages(pdf.body()), "one letter a page");
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM avis_envoi WHERE lot = ? AND guichet IS DISTINCT FROM '38001'",
                lotActis.getKey()), "only the desk's letters");
        String texte = Pdfs.texte(pdf.body());
        for (String attendu : List.of(Pdfs.numeroLisible(actis), "12 rue des Lilas", "38000 GRENOBLE", "LETTRE RECOMMANDÉE",
                "Dernier avis avant la radiation", "Ce courrier est le dernier avis avant la radiation de votre demande",
                "Renouvelez votre demande de logement social", "avant le " + Pdfs.date(echeance),
                "www.demande-logement-social.gouv.fr", "guichet enregistreur", "ACTIS")) {
            assertTrue(texte.contains(attendu), attendu + " in " + texte);
        }
        for (String autre : List.of(stegreve, gard, enLigne)) {
            assertFalse(texte.contains(Pdfs.numeroLisible(autre)), autre + " in the batch of 38001");
        }
        assertEquals(List.of("PREMIER_AVIS COURRIER IMPRIME", "DERNIER_AVIS RECOMMANDE IMPRIME"), AvisFixture.envois(actis));
        assertEquals(2, FabriqueDemandes.nombre(
                "SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'AVIREN' AND guichet = '38001'", actis),
                "each letter printed is a notice sent, by the printing desk");
        assertEquals(2, FabriqueDemandes.nombre("SELECT count(*) FROM audit WHERE objet_type = 'AVIS_RENOUVELLEMENT' "
                + "AND objet_id = ? AND apres ->> 'etat' = 'IMPRIME' AND acteur = 'agent.actis@sne.test'", actis));
        assertEquals(303, agentActis.submit("/pro/courriers/renouvellement/impression", Map.of("pile", "38001")).statusCode());
        assertTrue(agentActis.page("/pro/courriers/renouvellement").body().contains("Derniers lots imprimés"));

        // another desk of the territory does not get that batch; a consultant prints nothing
        WebClient agentStegreve = connecte("agent.stegreve@sne.test");
        assertEquals(404, agentStegreve.download("/pro/courriers/renouvellement/lots/" + lotActis.getKey()).statusCode());
        assertTrue(agentStegreve.page("/pro/courriers/renouvellement").body().contains(Pdfs.numeroLisible(stegreve)));
        assertEquals(403, connecte("consultant@sne.test").page("/pro/courriers/renouvellement").statusCode());

        // the territorial manager sees every batch of the territory and prints the portal's applications
        WebClient gtIsere = connecte("gt.isere@sne.test");
        String pageGt = gtIsere.page("/pro/courriers/renouvellement").body();
        assertTrue(pageGt.contains(Pdfs.numeroLisible(stegreve)) && pageGt.contains(Pdfs.numeroLisible(enLigne)), pageGt);
        assertTrue(pageGt.contains("Demandes en ligne (lot du territoire)"), pageGt);
        assertFalse(pageGt.contains(Pdfs.numeroLisible(gard)));
        Map.Entry<UUID, Integer> lotTerritoire = imprimer(gtIsere, "territoire");
        byte[] territoire = gtIsere.download("/pro/courriers/renouvellement/lots/" + lotTerritoire.getKey()).body();
        Pdfs.assertPdfA(territoire);
        Pdfs.enregistrer(territoire, "courriers-renouvellement-territoire-038");
        String texteTerritoire = Pdfs.texte(territoire);
        assertTrue(texteTerritoire.contains(Pdfs.numeroLisible(enLigne)), texteTerritoire);
        assertFalse(texteTerritoire.contains(Pdfs.numeroLisible(actis)) || texteTerritoire.contains(Pdfs.numeroLisible(stegreve)));
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM avis_envoi WHERE lot = ? AND guichet IS NOT NULL",
                lotTerritoire.getKey()));
        assertEquals(List.of("PREMIER_AVIS COURRIEL ENVOYE", "PREMIER_AVIS SMS ENVOYE", "DERNIER_AVIS RECOMMANDE IMPRIME"),
                AvisFixture.envois(enLigne));

        // another territory: neither its letters nor its batches
        WebClient gtGard = connecte("gt.gard@sne.test");
        String pageGard = gtGard.page("/pro/courriers/renouvellement").body();
        assertTrue(pageGard.contains(Pdfs.numeroLisible(gard)), pageGard);
        for (String isere : List.of(actis, stegreve, enLigne)) {
            assertFalse(pageGard.contains(Pdfs.numeroLisible(isere)), isere);
        }
        assertEquals(404, gtGard.download("/pro/courriers/renouvellement/lots/" + lotActis.getKey()).statusCode());
        assertEquals(404, gtGard.download("/pro/courriers/renouvellement/lots/" + lotTerritoire.getKey()).statusCode());
    }

    @Test
    void aLetterOfAnApplicationRenewedBeforePrintingIsNotPrinted() {
        LocalDate aujourdhui = AvisFixture.aujourdhui();
        String numero = new AvisFixture(server).creer("editeur-logis", "Renouvelee", null, null, "30189", "30000");
        AvisFixture.echeance(numero, aujourdhui.plusDays(50));
        planification.planifier(aujourdhui);
        assertEquals(List.of("PREMIER_AVIS COURRIER A_IMPRIMER"), AvisFixture.envois(numero));
        AvisFixture.renouveler(numero);

        // printed before the job's next run: the batch leaves it out all the same
        WebClient agent = connecte("agent.logis@sne.test");
        HttpResponse<String> r = agent.submit("/pro/courriers/renouvellement/impression", Map.of("pile", "30001"));
        assertEquals(303, r.statusCode());
        assertEquals(List.of("PREMIER_AVIS COURRIER A_IMPRIMER"), AvisFixture.envois(numero));
        envoi.envoyer(Instant.now());
        assertEquals(List.of("PREMIER_AVIS COURRIER ANNULE"), AvisFixture.envois(numero));
        assertFalse(agent.page("/pro/courriers/renouvellement").body().contains(Pdfs.numeroLisible(numero)));
        assertEquals(0, AvisFixture.evenements(numero));
    }
}
