package fr.sne.app;

import fr.sne.core.avis.EnvoiAvis;
import fr.sne.core.avis.PlanificationAvis;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "A job never sends twice after a crash": a node claims the notices, the mail server and the
 * SMS operator accept them, and the node dies before recording it ({@link PanneAvis}). Runs by
 * other nodes, during the claim's lease and after it, never send a second mail or a second SMS.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
@Property(name = "sne.test.panne-avis", value = "true")
class AvisRenouvellementPanneTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    PlanificationAvis planification;

    @Inject
    EnvoiAvis envoi;

    @Inject
    PanneAvis panne;

    @AfterEach
    void reparer() {
        panne.activer(false);
    }

    @Test
    void aNodeDyingAfterSendingCausesNoSecondMailNorSecondSms() {
        String mel = AvisFixture.mel("panne");
        String numero = new AvisFixture(server).creerIsere("Panne", mel, "0677889900");
        AvisFixture.lierCompte(numero);
        // whatever other tests left due is planned and sent first: the crash below is this notice's
        planification.planifier(AvisFixture.aujourdhui());
        envoi.envoyer(Instant.now());
        AvisFixture.echeance(numero, AvisFixture.aujourdhui().plusDays(50));
        planification.planifier(AvisFixture.aujourdhui());
        assertEquals(List.of("PREMIER_AVIS COURRIEL A_ENVOYER", "PREMIER_AVIS SMS A_ENVOYER"), AvisFixture.envois(numero));

        // the node claims both, the e-mail leaves, the node dies: the SMS is claimed but not sent
        Instant t0 = Instant.now();
        panne.activer(true);
        assertThrows(PanneAvis.Arret.class, () -> envoi.envoyer(t0));
        assertEquals(List.of("PREMIER_AVIS COURRIEL EN_COURS", "PREMIER_AVIS SMS EN_COURS"), AvisFixture.envois(numero));
        assertEquals(1, AvisFixture.mails(mel).size());
        assertEquals(0, AvisFixture.sms(numero));

        // another node during the lease: both are someone else's claim, nothing is sent
        panne.activer(false);
        envoi.envoyer(t0.plus(Duration.ofMinutes(5)));
        assertEquals(List.of("PREMIER_AVIS COURRIEL EN_COURS", "PREMIER_AVIS SMS EN_COURS"), AvisFixture.envois(numero));
        assertEquals(1, AvisFixture.mails(mel).size());

        // after the lease: the e-mail is "incertain", never resent; the SMS is claimed again, the
        // operator accepts it, and this node dies too before recording it
        Instant t1 = t0.plus(Duration.ofMinutes(16));
        panne.activer(true);
        assertThrows(PanneAvis.Arret.class, () -> envoi.envoyer(t1));
        assertEquals(List.of("PREMIER_AVIS COURRIEL INCERTAIN", "PREMIER_AVIS SMS EN_COURS"), AvisFixture.envois(numero));
        assertEquals(1, AvisFixture.mails(mel).size(), "the uncertain e-mail is not sent again");
        assertEquals(1, AvisFixture.sms(numero));

        // after that lease too: the SMS is sent again with the same idempotency key, the operator keeps one
        panne.activer(false);
        EnvoiAvis.Bilan bilan = envoi.envoyer(t1.plus(Duration.ofMinutes(16)));
        assertTrue(bilan.envoyes() >= 1, bilan.toString());
        assertEquals(List.of("PREMIER_AVIS COURRIEL INCERTAIN", "PREMIER_AVIS SMS ENVOYE"), AvisFixture.envois(numero));
        assertEquals("3", AvisFixture.envoi(numero, "SMS", "tentatives"));
        assertEquals(1, AvisFixture.sms(numero), "one SMS for the applicant, after three attempts");
        assertEquals(1, AvisFixture.mails(mel).size());
        assertEquals(1, AvisFixture.evenements(numero), "only the SMS is known to have left");
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM audit WHERE objet_type = 'AVIS_RENOUVELLEMENT' "
                + "AND objet_id = ? AND apres ->> 'etat' = 'INCERTAIN'", numero));

        // later runs change nothing
        envoi.envoyer(t1.plus(Duration.ofHours(2)));
        assertEquals(1, AvisFixture.mails(mel).size());
        assertEquals(1, AvisFixture.sms(numero));

        // professionals see why the e-mail is not sent again
        WebClient agent = new WebClient(server);
        agent.signInAs("agent.actis@sne.test");
        HttpResponse<String> page = agent.page("/pro/demandes/" + numero);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Envoi incertain") && page.body().contains("pas renvoyé automatiquement"), page.body());
    }

    @Test
    void anSmsLeftClaimedIsNotRetriedOnceTheApplicationWasRenewed() {
        String numero = new AvisFixture(server).creerIsere("Renouvelee", null, "0677001122");
        AvisFixture.lierCompte(numero);
        planification.planifier(AvisFixture.aujourdhui());
        envoi.envoyer(Instant.now());
        AvisFixture.echeance(numero, AvisFixture.aujourdhui().plusDays(50));
        planification.planifier(AvisFixture.aujourdhui());
        assertEquals(List.of("PREMIER_AVIS SMS A_ENVOYER"), AvisFixture.envois(numero));

        Instant t0 = Instant.now();
        panne.activer(true);
        assertThrows(PanneAvis.Arret.class, () -> envoi.envoyer(t0));
        panne.activer(false);
        assertEquals(1, AvisFixture.sms(numero));
        AvisFixture.renouveler(numero);

        envoi.envoyer(t0.plus(Duration.ofMinutes(16)));
        assertEquals(List.of("PREMIER_AVIS SMS INCERTAIN"), AvisFixture.envois(numero), "sent maybe, never again");
        assertEquals(1, AvisFixture.sms(numero));
        assertEquals(0, AvisFixture.evenements(numero));
    }
}
