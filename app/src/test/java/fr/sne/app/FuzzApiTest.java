package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input on every API endpoint (issue #7): malformed JSON and XML, wrong types, huge bodies,
 * unknown codes, another territory's numbers. Every answer is a 4xx French problem+json, never a
 * 5xx, and nothing is written (rows counted before and after).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class FuzzApiTest implements SharedServicesTest {

    private static final String AUTRE_TERRITOIRE = "030112600000130001";
    private static final String COMPTES = "SELECT (SELECT count(*) FROM demande) + (SELECT count(*) FROM evenement)"
            + " + (SELECT count(*) FROM mouvement) + (SELECT count(*) FROM idempotence) + (SELECT count(*) FROM export_demandes)";

    @Inject
    EmbeddedServer server;

    private String numero;

    @BeforeAll
    void uneDemande() {
        numero = new FabriqueDemandes(server).creer("editeur-actis",
                FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Fuzz"), "Alice", "1990-04-05"));
    }

    private record Cas(String methode, String chemin, String contentType, String corps) {
    }

    private List<Cas> cas() {
        String enorme = "{\"demandeur\": {\"nomNaissance\": \"" + "A".repeat(3 * 1024 * 1024) + "\"}}";
        String xmlEnorme = "<ns1:interfaceNuu versionInterface=\"02.01\" xmlns:ns1=\"http://nuu.application.i2/\">"
                + "<!--" + "x".repeat(2 * 1024 * 1024) + "--></ns1:interfaceNuu>";
        String profond = "<ns1:interfaceNuu versionInterface=\"02.01\" xmlns:ns1=\"http://nuu.application.i2/\">"
                + "<a>".repeat(200) + "</a>".repeat(200) + "</ns1:interfaceNuu>";
        List<Cas> cas = new ArrayList<>();
        List<String> json = List.of("{", "[]", "null", "\"texte\"", "{\"demandeur\": 12}", "{\"demandeur\": {\"dateNaissance\": \"hier\"}}",
                "{\"logementRecherche\": {\"typesLogement\": [\"T42\"], \"communesSouhaitees\": [\"99999\"]}}",
                "{\"motif\": \"RADXXX\"}", "{\"motif\": 7, \"attribution\": \"non\"}", "{\"type\": \"ZZZ\", \"dateSurvenance\": \"2999-01-01\"}",
                "{\"rangCotitulaire\": \"un\"}", "{\"statutDalo\": \"PEUT-ETRE\"}", "\u0000\u0001", enorme);
        List<String> xml = List.of("<", "<a/>", "<ns1:interfaceNuu xmlns:ns1=\"http://nuu.application.i2/\"/>", profond, xmlEnorme,
                "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>");
        String n = numero;
        // renewal takes no body (whatever is sent is ignored): only its other-territory case below
        cas.add(new Cas("POST", "/api/v1.0/demandes/" + AUTRE_TERRITOIRE + "/renouvellement", "application/json", "{}"));
        List<String> chemins = List.of("/api/v1.0/demandes", "/api/v1.0/demandes/" + n,
                "/api/v1.0/demandes/" + n + "/radiation", "/api/v1.0/demandes/" + n + "/separation",
                "/api/v1.0/demandes/" + n + "/evenements", "/api/v1.0/demandes/" + n + "/priorite", "/api/v1.0/exports");
        for (String chemin : chemins) {
            String methode = chemin.endsWith(n) || chemin.endsWith("/priorite") ? "PUT" : "POST";
            for (String corps : json) {
                cas.add(new Cas(methode, chemin, "application/json", corps));
            }
            for (String corps : xml) {
                cas.add(new Cas(methode, chemin, "application/xml", corps));
            }
            cas.add(new Cas(methode, chemin, "application/x-www-form-urlencoded", "a=b"));
            cas.add(new Cas(methode, chemin.replace(n, AUTRE_TERRITOIRE), "application/json", "{}"));
            cas.add(new Cas(methode, chemin.replace(n, "PAS-UN-NUMERO"), "application/json", "{}"));
        }
        for (String get : List.of("/api/v1.0/demandes/" + AUTRE_TERRITOIRE, "/api/v1.0/demandes/" + AUTRE_TERRITOIRE + "/attestation",
                "/api/v1.0/demandes/" + AUTRE_TERRITOIRE + "/evenements", "/api/v1.0/demandes/" + AUTRE_TERRITOIRE + "/priorite",
                "/api/v1.0/demandes/" + n + "/evenements/abc", "/api/v1.0/demandes/" + n + "/evenements/999999999",
                "/api/v1.0/demandes/doublons?dateNaissance=pas-une-date", "/api/v1.0/demandes/doublons?nomNaissance=" + "A".repeat(5000),
                "/api/v1.0/schemas/interfaceNuu-09.99.xsd",
                "/api/v1.0/demandes/%2e%2e%2fsecret", "/api/v1.0/demandes?page=-1",
                "/api/v1.0/mouvements", "/api/v1.0/mouvements?depuis=hier", "/api/v1.0/mouvements?depuis=2026-01-01T00:00:00Z&limite=0",
                "/api/v1.0/mouvements?depuis=2026-01-01T00:00:00Z&limite=100000", "/api/v1.0/mouvements?depuis=2026-01-01T00:00:00Z&curseur=zzz",
                "/api/v1.0/mouvements?depuis=2026-01-01T00:00:00Z&communes=ABC," + "3".repeat(3000),
                "/api/v1.0/exports/abc", "/api/v1.0/exports/00000000-0000-0000-0000-000000000000",
                "/api/v1.0/exports/00000000-0000-0000-0000-000000000000/fichier")) {
            cas.add(new Cas("GET", get, null, null));
        }
        cas.add(new Cas("DELETE", "/api/v1.0/demandes/" + n + "/evenements/not-a-number", null, null));
        cas.add(new Cas("PUT", "/api/v1.0/demandes/" + n, "application/json", "{}"));
        return cas;
    }

    /** A vendor's client keeps its connection open: a refused large body must not stall its next request. */
    @Test
    void aRefusedLargeXmlBodyLeavesTheKeptAliveConnectionUsable() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        WebClient web = new WebClient(server);
        String jeton = "Bearer " + FabriqueDemandes.jeton("editeur-actis");
        String grand = "<a>" + "x".repeat(2 * 1024 * 1024) + "</a>";
        for (String ifMatch : List.of("\"1\"", "\"" + numero + "-1\"")) {
            HttpResponse<String> refus = envoyer(http, HttpRequest.newBuilder(web.uri("/api/v1.0/demandes/" + numero))
                    .timeout(java.time.Duration.ofSeconds(15)).header("Authorization", jeton).header("If-Match", ifMatch)
                    .header("Content-Type", "application/xml").PUT(HttpRequest.BodyPublishers.ofString(grand)).build());
            assertEquals(413, refus.statusCode(), refus.body());
            HttpResponse<String> suivante = envoyer(http, HttpRequest.newBuilder(web.uri("/api/v1.0/demandes/" + numero))
                    .timeout(java.time.Duration.ofSeconds(15)).header("Authorization", jeton).header("Accept", "application/json").GET().build());
            assertEquals(200, suivante.statusCode(), "the next request on the connection is answered");
        }
    }

    private static HttpResponse<String> envoyer(java.net.http.HttpClient http, HttpRequest requete) {
        try {
            return http.send(requete, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void everyEndpointAnswersBadInputWithAFrench4xxProblemAndWritesNothing() {
        long avant = FabriqueDemandes.nombre(COMPTES);
        List<String> echecs = new ArrayList<>();
        for (Cas c : cas()) {
            // a client (and connection) per case: a connection the server closed after a 413 does not spill over
            WebClient web = new WebClient(server);
            HttpRequest.Builder r = HttpRequest.newBuilder(web.uri(c.chemin())).timeout(java.time.Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + FabriqueDemandes.jeton("editeur-actis"))
                    .method(c.methode(), c.corps() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(c.corps()));
            if (c.contentType() != null) {
                r.header("Content-Type", c.contentType());
            }
            if (c.methode().equals("PUT")) {
                r.header("If-Match", "\"1\"");
            }
            HttpResponse<String> rep;
            try {
                rep = web.send(r.build());
            } catch (IllegalStateException e) {
                echecs.add(c.methode() + " " + c.chemin() + " [" + c.contentType() + "] "
                        + (c.corps() == null ? "" : c.corps().substring(0, Math.min(40, c.corps().length()))) + " → pas de réponse : " + e.getCause());
                continue;
            }
            String type = rep.headers().firstValue("Content-Type").orElse("");
            String corps = rep.body() == null ? "" : rep.body();
            boolean ok = rep.statusCode() >= 400 && rep.statusCode() < 500 && type.startsWith("application/problem+json")
                    && corps.contains("\"detail\"") && !corps.contains("Exception") && !corps.contains("root:");
            if (!ok) {
                echecs.add(c.methode() + " " + c.chemin().substring(0, Math.min(90, c.chemin().length())) + " [" + c.contentType() + "] "
                        + (c.corps() == null ? "" : c.corps().substring(0, Math.min(40, c.corps().length()))) + " → "
                        + rep.statusCode() + " " + type + " " + corps.substring(0, Math.min(200, corps.length())));
            }
        }
        assertTrue(echecs.isEmpty(), echecs.size() + " réponse(s) inattendue(s) :\n" + String.join("\n", echecs));
        assertEquals(avant, FabriqueDemandes.nombre(COMPTES), "nothing written");
    }
}
