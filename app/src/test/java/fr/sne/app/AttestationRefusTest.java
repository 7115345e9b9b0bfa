package fr.sne.app;

import fr.sne.core.attestation.EnvoiAttestations;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mail server refuses a recipient: the attestation goes to the postal queue at once; a
 * temporary refusal is retried later instead. The application talks to a real (minimal) SMTP
 * server on loopback that answers 550 or 451 to RCPT.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttestationRefusTest implements SharedServicesTest {

    private final FauxServeurSmtp smtp = new FauxServeurSmtp();

    @Inject
    EmbeddedServer server;

    @Inject
    EnvoiAttestations envois;

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

    private String enregistrer(String mel) {
        String nom = "Refus" + Pdfs.lettres(6);
        String body = """
                {"demandeur": {"civilite": "1", "nomNaissance": "%s", "prenoms": "Marc", "dateNaissance": "1979-09-09",
                  "nationalite": "1", "mel": "%s",
                  "adresse": {"numero": "3", "voie": "place Grenette", "codePostal": "38000", "communeInsee": "38185"}},
                 "logementRecherche": {"typesLogement": ["T1"], "communesSouhaitees": ["38185"]}}""".formatted(nom, mel);
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes"))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient("editeur-actis", 600))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"").matcher(r.body());
        assertTrue(m.find());
        return m.group(1);
    }

    private static Map<String, Object> envoi(String numero) throws Exception {
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             PreparedStatement ps = c.prepareStatement("""
                     SELECT etat, coalesce(raison_courrier, ''), coalesce(erreur, ''), tentatives, a_tenter_le > now()
                       FROM envoi_attestation WHERE numero_unique = ?""")) {
            ps.setString(1, numero);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            return Map.of("etat", rs.getString(1), "raison", rs.getString(2), "erreur", rs.getString(3),
                    "tentatives", rs.getInt(4), "plusTard", rs.getBoolean(5));
        }
    }

    @Test
    void aRefusedRecipientGoesByPostAndATemporaryRefusalIsRetriedLater() throws Exception {
        String refuse = enregistrer("marc.refuse@example.org");
        String plusTard = enregistrer("marc.plustard@example.org");

        envois.executer();

        Map<String, Object> r = envoi(refuse);
        assertEquals("A_IMPRIMER", r.get("etat"));
        assertEquals("REFUS", r.get("raison"));
        assertTrue(((String) r.get("erreur")).contains("550"), r.toString());

        Map<String, Object> t = envoi(plusTard);
        assertEquals("A_ENVOYER", t.get("etat"), t.toString());
        assertEquals(1, t.get("tentatives"));
        assertEquals(Boolean.TRUE, t.get("plusTard"), "retried later, not at once");
        assertTrue(((String) t.get("erreur")).contains("451"), t.toString());

        WebClient agent = new WebClient(server);
        agent.signInAs("agent.actis@sne.test");
        String page = agent.page("/pro/courriers").body();
        assertTrue(page.contains("/pro/demandes/" + refuse + "/attestation.pdf") && page.contains("Adresse électronique refusée"), page);
        assertFalse(page.contains("/pro/demandes/" + plusTard + "/attestation.pdf"), "a temporary refusal stays in the e-mail queue");
    }
}
