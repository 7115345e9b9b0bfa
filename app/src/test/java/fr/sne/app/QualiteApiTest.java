package fr.sne.app;

import fr.sne.core.demande.ExpirationIdempotence;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API quality (issue #7): interfaceNuu files REN, RAD (with or without motif) and CRS on existing
 * applications, their outbound XML valid against the published XSD; idempotency keys valid 24 h;
 * French problem+json for unknown routes, wrong methods and formats under /api/.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualiteApiTest implements SharedServicesTest {

    private static final String PROBLEME = "application/problem+json";
    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");

    @Inject
    EmbeddedServer server;

    @Inject
    ExpirationIdempotence expiration;

    private HttpResponse<String> envoyer(String methode, String chemin, String contentType, String accept, String corps,
                                         String... entetes) {
        WebClient web = new WebClient(server);
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri(chemin))
                .header("Authorization", "Bearer " + FabriqueDemandes.jeton("editeur-actis"))
                .method(methode, corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corps));
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        if (accept != null) {
            r.header("Accept", accept);
        }
        for (int i = 0; i < entetes.length; i += 2) {
            r.header(entetes[i], entetes[i + 1]);
        }
        return web.send(r.build());
    }

    private static String fichier(String type, String numero, String suite) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ns1:interfaceNuu versionInterface="02.00" xmlns:ns1="http://nuu.application.i2/">
                  <ns1:entete><ns1:typeFichier code="%s"/></ns1:entete>
                  <ns1:demande><ns1:demandeLogement>%s%s</ns1:demandeLogement></ns1:demande>
                </ns1:interfaceNuu>""".formatted(type, numero == null ? "" : "<ns1:numUnique>" + numero + "</ns1:numUnique>", suite);
    }

    private static void probleme(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(PROBLEME, r.headers().firstValue("Content-Type").orElse(""), r.body());
        assertTrue(r.body().contains("\"status\":" + status), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    private Schema schemaPublie() throws Exception {
        HttpResponse<String> xsd = envoyer("GET", "/api/v1.0/schemas/interfaceNuu-02.01.xsd", null, null, null);
        assertEquals(200, xsd.statusCode());
        SchemaFactory f = SchemaFactory.newDefaultInstance();
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f.newSchema(new StreamSource(new ByteArrayInputStream(xsd.body().getBytes(StandardCharsets.UTF_8))));
    }

    private String creer(String nom) {
        return new FabriqueDemandes(server).creer("editeur-actis",
                FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique(nom), "Jeanne", "1981-02-03"));
    }

    @Test
    void aRenFileRenewsAndARadFileRadiatesTheNumberedApplicationAndTheXmlReadBackIsValid() throws Exception {
        Schema schema = schemaPublie();
        String numero = creer("Renouvelee");
        HttpResponse<String> ren = envoyer("POST", "/api/v1.0/demandes", "application/xml", "application/xml",
                fichier("REN", numero, ""));
        assertEquals(200, ren.statusCode(), ren.body());
        String aujourdhui = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        assertTrue(ren.body().contains("<ns1:dateDernierRenouvellement>" + aujourdhui) || ren.body().contains("dateDernierRenouvellement>"
                + aujourdhui), ren.body());
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(ren.body().getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'REN'", numero));

        HttpResponse<String> rad = envoyer("POST", "/api/v1.0/demandes", "application/xml", "application/json",
                fichier("RAD", numero, "<ns1:radiation><ns1:motif code=\"RADABA\"/><ns1:dateRenonciation>" + aujourdhui
                        + "</ns1:dateRenonciation></ns1:radiation>"));
        assertEquals(200, rad.statusCode(), rad.body());
        assertTrue(rad.body().contains("\"etat\":\"RADIEE\""), rad.body());
        HttpResponse<String> xml = envoyer("GET", "/api/v1.0/demandes/" + numero, null, "application/xml", null);
        assertEquals(200, xml.statusCode(), xml.body());
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.body().getBytes(StandardCharsets.UTF_8))));

        // an empty motif asks for a de-radiation: refused to API clients, explained, nothing changed
        HttpResponse<String> derad = envoyer("POST", "/api/v1.0/demandes", "application/xml", "application/json",
                fichier("RAD", numero, "<ns1:radiation/>"));
        probleme(derad, 403);
        assertTrue(derad.body().contains("dé-radi"), derad.body());
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM demande WHERE numero_unique = ? AND etat = 'RADIEE'", numero));
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'DERAD'", numero));
    }

    @Test
    void filesOnAnExistingApplicationNeedItsNumberAndARadFileItsRadiation() {
        for (String type : new String[] {"REN", "RAD", "CRS"}) {
            HttpResponse<String> r = envoyer("POST", "/api/v1.0/demandes", "application/xml", "application/json", fichier(type, null, ""));
            probleme(r, 400);
            assertTrue(r.body().contains("NUMERO_REQUIS"), r.body());
        }
        String numero = creer("Sansmotif");
        probleme(envoyer("POST", "/api/v1.0/demandes", "application/xml", null, fichier("RAD", numero, "")), 400);
        HttpResponse<String> inconnu = envoyer("POST", "/api/v1.0/demandes", "application/xml", null,
                fichier("RAD", numero, "<ns1:radiation><ns1:motif code=\"RADXXX\"/></ns1:radiation>"));
        probleme(inconnu, 400);
        assertTrue(inconnu.body().contains("/interfaceNuu/demande/demandeLogement/radiation"), inconnu.body());
        HttpResponse<String> mod = envoyer("POST", "/api/v1.0/demandes", "application/xml", null, fichier("MOD", numero, ""));
        probleme(mod, 400);
        assertTrue(mod.body().contains("PUT"), mod.body());
        // another territory's number: 404, never revealed
        probleme(envoyer("POST", "/api/v1.0/demandes", "application/xml", null, fichier("REN", "030012600000130001", "")), 404);
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM demande WHERE numero_unique = ? AND etat = 'ACTIVE'", numero));
    }

    @Test
    void anIdempotencyKeyReplaysFor24HoursThenIsNewAgainAndThePurgeRemovesExpiredKeys() {
        String cle = "qualite-" + System.nanoTime();
        FabriqueDemandes.Menage m = FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Idempotente"), "Luc", "1975-05-06");
        HttpResponse<String> premier = envoyer("POST", "/api/v1.0/demandes", "application/json", null, m.json(), "Idempotency-Key", cle);
        assertEquals(201, premier.statusCode(), premier.body());
        String numero = numero(premier);
        FabriqueDemandes.sql("UPDATE idempotence SET cree_le = now() - interval '23 hours' WHERE cle = ?", cle);
        HttpResponse<String> rejoue = envoyer("POST", "/api/v1.0/demandes", "application/json", null, m.json(), "Idempotency-Key", cle);
        assertEquals(numero, numero(rejoue), "within 24 h the first answer is replayed");

        FabriqueDemandes.sql("UPDATE idempotence SET cree_le = now() - interval '25 hours' WHERE cle = ?", cle);
        HttpResponse<String> nouvelle = envoyer("POST", "/api/v1.0/demandes", "application/json", null,
                m.pasUnDoublon("Même personne, nouvelle demande après expiration de la clé").json(), "Idempotency-Key", cle);
        assertEquals(201, nouvelle.statusCode(), nouvelle.body());
        assertNotEquals(numero, numero(nouvelle), "after 24 h the key is new again");

        FabriqueDemandes.sql("UPDATE idempotence SET cree_le = now() - interval '25 hours' WHERE cle = ?", cle);
        assertTrue(expiration.executer(Instant.now()) >= 1);
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM idempotence WHERE cle = ?", cle));
    }

    @Test
    void errorsUnderTheApiAreFrenchProblemJsonNeverHtml() {
        HttpResponse<String> inconnue = envoyer("GET", "/api/v1.0/nimporte-quoi", null, "text/html", null);
        probleme(inconnue, 404);
        HttpResponse<String> methode = envoyer("DELETE", "/api/v1.0/referentiels/evenements", null, null, null);
        probleme(methode, 405);
        assertTrue(methode.body().contains("méthode"), methode.body());
        HttpResponse<String> format = envoyer("POST", "/api/v1.0/demandes", "text/plain", null, "bonjour");
        probleme(format, 415);
        HttpResponse<String> accept = envoyer("GET", "/api/v1.0/referentiels/evenements", null, "image/png", null);
        assertTrue(accept.statusCode() == 406 || accept.statusCode() == 200, accept.body());
        if (accept.statusCode() == 406) {
            probleme(accept, 406);
        }
    }

    private static String numero(HttpResponse<String> r) {
        Matcher m = NUMERO.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }
}
