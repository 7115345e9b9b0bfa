package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registering an application through the vendors' API (contract v1.0, JSON). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandeApiTest implements SharedServicesTest {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");

    @Inject
    EmbeddedServer server;

    private static String corps(String nom, String prenoms, String naissance, String communes) {
        return """
                {"demandeur": {"civilite": "1", "nomNaissance": "%s", "nomUsage": null, "prenoms": "%s",
                  "dateNaissance": "%s", "nationalite": "1", "mel": "jean.dupont@example.org", "telPortable": "0606060606",
                  "adresse": {"numero": "10", "voie": "rue des Alpes", "codePostal": "38000", "communeInsee": "38185"}},
                 "logementRecherche": {"typesLogement": ["T2", "T3"], "communesSouhaitees": [%s]}}"""
                .formatted(nom, prenoms, naissance, communes);
    }

    private HttpResponse<String> post(String client, String body, String cle) {
        WebClient web = new WebClient(server);
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri("/api/v1.0/demandes"))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient(client, 600))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (cle != null) {
            r.header("Idempotency-Key", cle);
        }
        return web.send(r.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String client, String numero) {
        WebClient web = new WebClient(server);
        return web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes/" + numero))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient(client, 600))
                .header("Accept", "application/json").GET().build());
    }

    private static String numero(HttpResponse<String> response) {
        Matcher m = NUMERO.matcher(response.body());
        assertTrue(m.find(), response.body());
        return m.group(1);
    }

    @Test
    void aVendorRegistersAndReadsAnApplication() throws Exception {
        HttpResponse<String> created = post("editeur-actis", corps("Dupont", "Jean", "1970-01-01", "\"38185\", \"38382\""), null);
        assertEquals(201, created.statusCode(), created.body());
        String numero = numero(created);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertTrue(numero.matches("038" + today.format(DateTimeFormatter.ofPattern("MMyy")) + "\\d{6}38001"), numero);
        assertEquals("/api/v1.0/demandes/" + numero, created.headers().firstValue("Location").orElse(""));
        assertTrue(created.body().contains("\"etat\":\"ACTIVE\""), created.body());
        assertTrue(created.body().contains("\"dateDepot\":\"" + today + "\""), created.body());
        assertTrue(created.body().contains("\"dateProchainRenouvellement\":\"" + today.plusYears(1) + "\""), created.body());
        assertTrue(created.body().contains("\"guichetEnregistreur\":\"38001\""), created.body());
        assertTrue(created.body().contains("\"version\":1"), created.body());

        HttpResponse<String> read = get("editeur-stegreve", numero);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("\"nomNaissance\":\"Dupont\""), read.body());
        assertTrue(read.body().contains("\"communesSouhaitees\":[\"38185\",\"38382\"]"), read.body());
        assertEquals("\"" + numero + "-1\"", read.headers().firstValue("ETag").orElse(""));

        // another territory does not know it exists
        HttpResponse<String> other = get("editeur-logis", numero);
        assertEquals(404, other.statusCode());
        assertEquals("application/problem+json", other.headers().firstValue("Content-Type").orElse(""));

        // one movement and one audit row, written with the application
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             PreparedStatement ps = c.prepareStatement("""
                     SELECT (SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'CRE'),
                            (SELECT count(*) FROM audit WHERE objet_id = ? AND action = 'CREATION' AND acteur = 'client:editeur-actis')""")) {
            ps.setString(1, numero);
            ps.setString(2, numero);
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals(1, rs.getInt(2));
        }
    }

    @Test
    void probableDuplicatesAreRefusedUnlessConfirmed() {
        HttpResponse<String> first = post("editeur-actis", corps("Lefèvre-Martin", "Anne Marie", "1985-06-15", "\"38185\""), null);
        assertEquals(201, first.statusCode(), first.body());
        String numero = numero(first);
        // same person written differently: case, accents, hyphens and spaces do not matter
        HttpResponse<String> again = post("editeur-stegreve", corps("LEFEVRE MARTIN", "anne-marie", "1985-06-15", "\"38382\""), null);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"doublons\":[\"" + numero + "\"]"), again.body());
        HttpResponse<String> confirmed = post("editeur-stegreve", corps("LEFEVRE MARTIN", "anne-marie", "1985-06-15", "\"38382\"")
                .replace("\"logementRecherche\"", "\"confirmationNonDoublon\": \"Homonyme vérifié sur pièce d'identité\", \"logementRecherche\""), null);
        assertEquals(201, confirmed.statusCode(), confirmed.body());
        // the same person in another territory is not a duplicate there
        assertEquals(201, post("editeur-logis", corps("Lefèvre-Martin", "Anne Marie", "1985-06-15", "\"30189\""), null).statusCode());
    }

    @Test
    void anIdempotencyKeyCreatesOnceEvenUnderConcurrentRetries() throws Exception {
        String body = corps("Idempotent", "Paul", "1990-02-02", "\"38185\"");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> post("editeur-actis", body, "lot-2026-11-22-0001")));
        }
        Set<String> numeros = new HashSet<>();
        for (Future<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get();
            assertEquals(201, r.statusCode(), r.body());
            numeros.add(numero(r));
        }
        pool.shutdown();
        assertEquals(1, numeros.size(), numeros.toString());
        // another client's identical key is another request
        HttpResponse<String> other = post("editeur-stegreve", body.replace("Paul", "Pauline"), "lot-2026-11-22-0001");
        assertEquals(201, other.statusCode());
        assertTrue(!numeros.contains(numero(other)));
    }

    @Test
    void badInputGetsFrenchAnomaliesAndNeverA500() {
        HttpResponse<String> outside = post("editeur-actis", corps("Hors", "Territoire", "1980-01-01", "\"30189\""), null);
        assertEquals(400, outside.statusCode());
        assertTrue(outside.body().contains("\"code\":\"HORS_TERRITOIRE\""), outside.body());

        HttpResponse<String> several = post("editeur-actis", corps("D3lta", "", "2999-01-01", "\"99999\"")
                .replace("\"civilite\": \"1\"", "\"civilite\": \"9\"").replace("\"T3\"", "\"T9\""), null);
        assertEquals(400, several.statusCode());
        for (String expected : List.of("demandeur.civilite", "demandeur.nomNaissance", "demandeur.prenoms",
                "demandeur.dateNaissance", "logementRecherche.communesSouhaitees[0]", "logementRecherche.typesLogement[1]")) {
            assertTrue(several.body().contains("\"champ\":\"" + expected + "\""), expected + " in " + several.body());
        }
        assertTrue(several.body().contains("La date de naissance 2999-01-01 est impossible."), several.body());

        HttpResponse<String> malformed = post("editeur-actis", "{\"demandeur\": {", null);
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals("application/problem+json", malformed.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> impossibleDate = post("editeur-actis", corps("Date", "Fausse", "1970-13-01", "\"38185\""), null);
        assertEquals(400, impossibleDate.statusCode(), impossibleDate.body());
        assertEquals(404, get("editeur-actis", "038112599999938001").statusCode());
    }
}
