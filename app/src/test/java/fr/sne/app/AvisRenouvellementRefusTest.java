package fr.sne.app;

import fr.sne.core.avis.EnvoiAvis;
import fr.sne.core.avis.PlanificationAvis;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renewal e-mails the mail server refuses ({@link FauxServeurSmtp}: 550 for good, 451 for now):
 * a refusal is final, a temporary failure is retried later, and a notice whose every digital
 * sending failed goes by post instead.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class AvisRenouvellementRefusTest implements SharedServicesTest {

    private final FauxServeurSmtp smtp = new FauxServeurSmtp();

    @Inject
    EmbeddedServer server;

    @Inject
    PlanificationAvis planification;

    @Inject
    EnvoiAvis envoi;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SharedServicesTest.super.getProperties();
        properties.put("sne.mail.host", "127.0.0.1");
        properties.put("sne.mail.port", String.valueOf(smtp.port()));
        return properties;
    }

    @AfterAll
    void stop() {
        smtp.close();
    }

    @Test
    void aRefusedEmailWithoutSmsBecomesALetterATemporaryFailureIsRetried() {
        AvisFixture f = new AvisFixture(server);
        String refusee = f.creerIsere("Refusee", AvisFixture.mel("refuse"), null);
        String differee = f.creerIsere("Differee", AvisFixture.mel("plustard"), "0644556677");
        for (String n : List.of(refusee, differee)) {
            AvisFixture.lierCompte(n);
            AvisFixture.echeance(n, AvisFixture.aujourdhui().plusDays(50));
        }
        planification.planifier(AvisFixture.aujourdhui());
        Instant t0 = Instant.now();
        envoi.envoyer(t0);

        assertEquals(List.of("PREMIER_AVIS COURRIEL ECHEC", "PREMIER_AVIS COURRIER A_IMPRIMER"), AvisFixture.envois(refusee),
                "refused for good: the notice goes by post instead");
        assertTrue(AvisFixture.envoi(refusee, "COURRIEL", "erreur").contains("550"));
        assertEquals("38001", AvisFixture.envoi(refusee, "COURRIER", "guichet"));
        assertEquals(List.of("PREMIER_AVIS COURRIEL A_ENVOYER", "PREMIER_AVIS SMS ENVOYE"), AvisFixture.envois(differee),
                "451: tried again later");
        assertEquals("1", AvisFixture.envoi(differee, "COURRIEL", "tentatives"));

        // not before its time, then again and again until the last attempt
        envoi.envoyer(t0.plus(Duration.ofMinutes(1)));
        assertEquals("1", AvisFixture.envoi(differee, "COURRIEL", "tentatives"));
        Instant t = t0;
        for (int i = 0; i < EnvoiAvis.TENTATIVES_MAX; i++) {
            t = t.plus(Duration.ofHours(6));
            envoi.envoyer(t);
        }
        assertEquals(List.of("PREMIER_AVIS COURRIEL ECHEC", "PREMIER_AVIS SMS ENVOYE"), AvisFixture.envois(differee),
                "the SMS did reach the applicant: no letter");
        assertEquals("5", AvisFixture.envoi(differee, "COURRIEL", "tentatives"));
        assertEquals(1, AvisFixture.evenements(differee));
        assertEquals(0, AvisFixture.evenements(refusee));
    }
}
