package fr.sne.app;

import fr.sne.core.export.GenerationExport;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk exports through the vendors' API (contract v1.0 « Exports »): request, job, status, download, expiry. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportApiTest implements SharedServicesTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    /** Vif: a commune no other test wishes, so the counts are this test's own. */
    private static final String VIF = "38545";

    @Inject
    EmbeddedServer server;
    @Inject
    GenerationExport generation;
    @Inject
    Clock clock;

    private WebClient web;
    private FabriqueDemandes fabrique;

    private HttpResponse<String> envoyer(String methode, String client, String path, String corps, String... entetes) {
        web = web == null ? new WebClient(server) : web;
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                .header("Accept", "application/json");
        for (int i = 0; i < entetes.length; i += 2) {
            r.header(entetes[i], entetes[i + 1]);
        }
        if (corps != null) {
            r.header("Content-Type", "application/json");
        }
        return web.send(r.method(methode, corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corps)).build());
    }

    private HttpResponse<byte[]> telecharger(String client, String id) throws Exception {
        web = web == null ? new WebClient(server) : web;
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(web.uri("/api/v1.0/exports/" + id + "/fichier"))
                    .header("Authorization", "Bearer " + FabriqueDemandes.jeton(client)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static String id(HttpResponse<String> r) {
        Matcher m = ID.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private static void probleme(HttpResponse<String> r, int statut) {
        assertEquals(statut, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** Runs the job's entry point, then waits for the export to leave EN_ATTENTE/EN_COURS (the scheduler may have it). */
    private HttpResponse<String> attendre(String client, String id) throws InterruptedException {
        generation.executer(clock.instant());
        for (int i = 0; i < 240; i++) {
            HttpResponse<String> statut = envoyer("GET", client, "/api/v1.0/exports/" + id, null);
            assertEquals(200, statut.statusCode(), statut.body());
            if (!statut.body().contains("\"statut\":\"EN_ATTENTE\"") && !statut.body().contains("\"statut\":\"EN_COURS\"")) {
                return statut;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Export toujours en cours : " + id);
    }

    /** Entry name → content of a tar.gz. */
    private static Map<String, byte[]> entrees(byte[] targz) throws IOException {
        Map<String, byte[]> entrees = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(targz))) {
            byte[] entete = new byte[512];
            while (in.readNBytes(entete, 0, 512) == 512) {
                String nom = new String(entete, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
                if (nom.isEmpty()) {
                    break;
                }
                assertEquals("ustar", new String(entete, 257, 5, StandardCharsets.US_ASCII));
                long taille = Long.parseLong(new String(entete, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                entrees.put(nom, in.readNBytes((int) taille));
                in.readNBytes((int) ((512 - taille % 512) % 512));
            }
        }
        return entrees;
    }

    private Schema schemaPublie() throws Exception {
        HttpResponse<String> xsd = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/schemas/interfaceNuu-02.01.xsd")).GET().build());
        assertEquals(200, xsd.statusCode());
        return SchemaFactory.newDefaultInstance().newSchema(new StreamSource(new ByteArrayInputStream(xsd.body().getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aVendorExportsItsTerritoryDownloadsTheArchiveUntilItExpires() throws Exception {
        fabrique = new FabriqueDemandes(server);
        String a = fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Export"), "Anne", "1981-02-03").communes(VIF));
        String b = fabrique.creer("editeur-stegreve", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Export"), "Bruno", "1975-06-07")
                .communes(VIF, "38185").famille(true, 2));
        String c = fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Export"), "Chloe", "1990-10-11").communes(VIF));
        String gard = fabrique.creer("editeur-logis", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Export"), "Gaston", "1970-01-01").communes("30189"));
        assertEquals(201, envoyer("POST", "editeur-actis", "/api/v1.0/demandes/" + a + "/evenements",
                "{\"type\": \"VISPRO\", \"dateSurvenance\": \"" + LocalDate.now(ZoneId.of("Europe/Paris")) + "\", \"commentaire\": \"Visite du logement\"}").statusCode());
        assertEquals(200, envoyer("PUT", "editeur-actis", "/api/v1.0/demandes/" + b + "/priorite",
                "{\"statutDalo\": \"ACTIF\", \"dateDecisionDalo\": \"2026-01-15\", \"categories\": [\"HAND\"], \"contingents\": [\"COLTER\"]}",
                "If-Match", "\"" + b + "-priorite-0\"").statusCode());
        HttpResponse<String> radiation = envoyer("POST", "editeur-actis", "/api/v1.0/demandes/" + c + "/radiation", """
                {"motif": "RADATT", "attribution": {"dateSignatureBail": "%s", "rpls": "38A0099999", "contingent": "COLACT",
                  "reservataire": "Action Logement Services"}}""".formatted(LocalDate.now(ZoneId.of("Europe/Paris"))));
        assertEquals(200, radiation.statusCode(), radiation.body());

        HttpResponse<String> accepte = envoyer("POST", "editeur-actis", "/api/v1.0/exports", """
                {"entites": ["CERFA", "EVT", "DALO", "PRIO", "CONT", "ATTRIB", "COTA", "PJ", "DRM"], "profondeurDrm": 2,
                 "communes": ["%s"]}""".formatted(VIF));
        assertEquals(202, accepte.statusCode(), accepte.body());
        String id = id(accepte);
        assertTrue(accepte.body().contains("\"statut\":\"EN_ATTENTE\""), accepte.body());
        assertEquals("/api/v1.0/exports/" + id, accepte.headers().firstValue("Location").orElse(""));

        // one running export per client
        probleme(envoyer("POST", "editeur-actis", "/api/v1.0/exports", "{\"entites\": [\"CERFA\"], \"departements\": [\"038\"]}"), 409);
        // not ready yet, or nobody else's
        probleme(envoyer("GET", "editeur-stegreve", "/api/v1.0/exports/" + id, null), 404);
        probleme(envoyer("GET", "editeur-logis", "/api/v1.0/exports/" + id, null), 404);
        probleme(envoyer("GET", "editeur-actis", "/api/v1.0/exports/pas-un-identifiant", null), 404);

        HttpResponse<String> statut = attendre("editeur-actis", id);
        assertTrue(statut.body().contains("\"statut\":\"TERMINE\""), statut.body());
        assertTrue(statut.body().contains("\"nombreDemandes\":3") && statut.body().contains("\"demandesTraitees\":3"), statut.body());
        assertTrue(statut.body().contains("\"expireLe\":"), statut.body());

        assertEquals(404, telecharger("editeur-stegreve", id).statusCode());
        HttpResponse<byte[]> fichier = telecharger("editeur-actis", id);
        assertEquals(200, fichier.statusCode());
        assertEquals("application/gzip", fichier.headers().firstValue("Content-Type").orElse(""));
        assertTrue(statut.body().contains("\"taille\":" + fichier.body().length), statut.body());
        Map<String, byte[]> entrees = entrees(fichier.body());
        List<String> demandes = entrees.keySet().stream().filter(n -> n.startsWith("demandes/")).sorted().toList();
        assertEquals(List.of("demandes/" + a + ".xml", "demandes/" + b + ".xml", "demandes/" + c + ".xml").stream().sorted().toList(), demandes);
        assertFalse(entrees.containsKey("demandes/" + gard + ".xml"));
        Schema schema = schemaPublie();
        for (String n : demandes) {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(entrees.get(n))));
        }
        assertTrue(new String(entrees.get("demandes/" + c + ".xml"), StandardCharsets.UTF_8).contains("RADIEE"));
        for (String f : List.of("evenements.xml", "dalo.xml", "priorites.xml", "contingents.xml", "attributions.xml",
                "cotations.xml", "pieces.xml", "drm.xml")) {
            assertTrue(entrees.containsKey(f), f + " dans " + entrees.keySet());
            DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(entrees.get(f)));
        }
        String evenements = new String(entrees.get("evenements.xml"), StandardCharsets.UTF_8);
        assertTrue(evenements.contains("numUnique=\"" + a + "\"") && evenements.contains("<code>VISPRO</code>")
                && evenements.contains("Visite du logement"), evenements);
        String dalo = new String(entrees.get("dalo.xml"), StandardCharsets.UTF_8);
        assertTrue(dalo.contains("numUnique=\"" + b + "\"") && dalo.contains("<statutDalo>ACTIF</statutDalo>"), dalo);
        assertTrue(new String(entrees.get("contingents.xml"), StandardCharsets.UTF_8).contains("<contingent>COLTER</contingent>"));
        assertTrue(new String(entrees.get("priorites.xml"), StandardCharsets.UTF_8).contains("<categoriePrioritaire>HAND</categoriePrioritaire>"));
        String attributions = new String(entrees.get("attributions.xml"), StandardCharsets.UTF_8);
        assertTrue(attributions.contains("numUnique=\"" + c + "\"") && attributions.contains("<rpls>38A0099999</rpls>"), attributions);
        assertTrue(new String(entrees.get("cotations.xml"), StandardCharsets.UTF_8).contains("donneesDisponibles=\"false\""));
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM audit WHERE objet_type = 'EXPORT' AND objet_id = ? AND action = 'EXPORT' "
                + "AND acteur = 'client:editeur-actis'", id) >= 1 ? 1 : 0);

        // a new export may be asked once the first is done; seven days later the file is gone
        FabriqueDemandes.sql("UPDATE export_demandes SET expire_le = now() - interval '1 minute' WHERE id = ?::uuid", id);
        generation.expirer(clock.instant());
        HttpResponse<String> expire = envoyer("GET", "editeur-actis", "/api/v1.0/exports/" + id, null);
        assertTrue(expire.body().contains("\"statut\":\"EXPIRE\""), expire.body());
        HttpResponse<byte[]> parti = telecharger("editeur-actis", id);
        assertEquals(410, parti.statusCode());
        assertTrue(new String(parti.body(), StandardCharsets.UTF_8).contains("expiré"));
    }

    @Test
    void invalidRequestsAreRefusedWithTheirAnomaliesInFrench() {
        HttpResponse<String> r = envoyer("POST", "editeur-logis", "/api/v1.0/exports", """
                {"entites": ["CERFA", "NIMPORTE"], "profondeurDrm": 4, "etat": "PERIMEE", "departements": ["038"]}""");
        probleme(r, 400);
        assertTrue(r.body().contains("\"champ\":\"entites[1]\"") && r.body().contains("Entité inconnue"), r.body());
        assertTrue(r.body().contains("\"champ\":\"profondeurDrm\""), r.body());
        assertTrue(r.body().contains("\"champ\":\"etat\""), r.body());
        assertTrue(r.body().contains("\"champ\":\"departements[0]\"") && r.body().contains("n'appartient pas à votre territoire"), r.body());

        probleme(envoyer("POST", "editeur-logis", "/api/v1.0/exports", "{\"entites\": [\"CERFA\"]}"), 400);
        HttpResponse<String> lesDeux = envoyer("POST", "editeur-logis", "/api/v1.0/exports",
                "{\"entites\": [\"CERFA\"], \"departements\": [\"030\"], \"communes\": [\"30189\"]}");
        probleme(lesDeux, 400);
        assertTrue(lesDeux.body().contains("pas les deux"), lesDeux.body());
        HttpResponse<String> commune = envoyer("POST", "editeur-logis", "/api/v1.0/exports", "{\"entites\": [\"CERFA\"], \"communes\": [\"38185\", \"99999\"]}");
        probleme(commune, 400);
        assertTrue(commune.body().contains("\"champ\":\"communes[0]\"") && commune.body().contains("\"champ\":\"communes[1]\""), commune.body());
        probleme(envoyer("POST", "editeur-logis", "/api/v1.0/exports", "{\"entites\": [], \"communes\": [\"30189\"]}"), 400);
        assertEquals(0, FabriqueDemandes.nombre("SELECT count(*) FROM export_demandes WHERE client_id = 'editeur-logis'"));
    }

    @Test
    void aSecondRunningExportOfTheSameClientIsRefusedByTheDatabaseToo() {
        HttpResponse<String> premier = envoyer("POST", "editeur-stegreve", "/api/v1.0/exports", "{\"entites\": [\"CERFA\"], \"etat\": \"ACTIVE\", \"departements\": [\"038\"]}");
        assertEquals(202, premier.statusCode(), premier.body());
        HttpResponse<String> second = envoyer("POST", "editeur-stegreve", "/api/v1.0/exports", "{\"entites\": [\"EVT\"], \"communes\": [\"38185\"]}");
        probleme(second, 409);
        assertTrue(second.body().contains(id(premier)), second.body());
        // even written behind the service's back, two running exports of one client cannot coexist
        IllegalStateException refus = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> FabriqueDemandes.sql("""
                INSERT INTO export_demandes (territoire, id, client_id, guichet, statut, entites, communes)
                VALUES ('038', gen_random_uuid(), 'editeur-stegreve', '38002', 'EN_ATTENTE', '{CERFA}', '{38185}')"""));
        assertTrue(refus.getCause().getMessage().contains("export_demandes_en_cours_uk"), refus.getCause().getMessage());
    }
}
