package fr.sne.app;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application's life through the vendors' API (contract v1.0): renewal and its attestation,
 * radiation by motif and desk, and what each leaves behind (movement, event, audit, statistics).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleApiTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private FabriqueDemandes fabrique;
    private WebClient web;

    @BeforeAll
    void setUp() {
        fabrique = new FabriqueDemandes(server);
        web = new WebClient(server);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private String nouvelle(String client) {
        return fabrique.creer(client, FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Cycle"), "Lina", "1984-04-04")
                .communes("38185", "38382").famille(true, 1));
    }

    HttpResponse<String> post(String client, String path, String json, String ifMatch) {
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri(path))
                .header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                .header("Accept", "application/json");
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        if (json == null) {
            r.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return web.send(r.build());
    }

    private HttpResponse<byte[]> pdf(String client, String path) {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long compte(String sql, Object... params) {
        return FabriqueDemandes.nombre(sql, params);
    }

    private static final String ATTRIBUTION = """
            {"motif": "RADATT", "attribution": {"dateSignatureBail": "%s", "rpls": "%s", "contingent": "COLACT",
              "reservataire": "Action Logement Services", "dateCommission": "%s"}}""";

    @Test
    void aVendorRenewsAnApplicationWhichKeepsItsNumberAndFilingDate() {
        String numero = nouvelle("editeur-actis");
        // close to its deadline, so that the renewal visibly moves it
        FabriqueDemandes.sql("UPDATE demande SET date_prochain_renouvellement = ? WHERE numero_unique = ?",
                today().plusDays(10), numero);
        HttpResponse<String> r = post("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/renouvellement", null, null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"numeroUnique\":\"" + numero + "\""), r.body());
        assertTrue(r.body().contains("\"dateDepot\":\"" + today() + "\""), r.body());
        assertTrue(r.body().contains("\"dateDernierRenouvellement\":\"" + today() + "\""), r.body());
        assertTrue(r.body().contains("\"dateProchainRenouvellement\":\"" + today().plusYears(1) + "\""), r.body());
        assertTrue(r.body().contains("\"etat\":\"ACTIVE\""), r.body());
        assertTrue(r.body().contains("\"nomNaissance\""), "the whole application, as GET gives it");
        assertEquals("\"" + numero + "-1\"", r.headers().firstValue("ETag").orElse(""));

        // one movement, one system event, one audit row, the attestation's sending planned
        assertEquals(1, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'REN'", numero));
        assertEquals(1, compte("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'RENDEM' AND guichet = '38002'", numero));
        assertEquals(1, compte("SELECT count(*) FROM audit WHERE objet_id = ? AND action = 'MODIFICATION' AND acteur = 'client:editeur-stegreve' "
                + "AND apres->>'operation' = 'RENOUVELLEMENT'", numero));
        assertEquals(1, compte("SELECT count(*) FROM envoi_attestation WHERE numero_unique = ? AND motif = 'RENOUVELLEMENT'", numero));

        // renewing again the same day changes nothing
        assertEquals(200, post("editeur-actis", "/api/v1.0/demandes/" + numero + "/renouvellement", null, null).statusCode());
        assertEquals(1, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'REN'", numero));

        // the attestation is now the renewal attestation, PDF/A, naming the renewal
        HttpResponse<byte[]> pdf = pdf("editeur-actis", "/api/v1.0/demandes/" + numero + "/attestation");
        assertEquals(200, pdf.statusCode());
        Pdfs.assertPdfA(pdf.body());
        Pdfs.enregistrer(pdf.body(), "attestation-renouvellement");
        String texte = Pdfs.texte(pdf.body());
        assertTrue(texte.contains("Attestation de renouvellement"), texte);
        assertTrue(texte.contains("renouvelée le " + Pdfs.date(today())), texte);
        assertTrue(texte.contains(Pdfs.date(today().plusYears(1))), texte);
        HttpResponse<byte[]> simple = pdf("editeur-actis", "/api/v1.0/demandes/" + numero + "/attestation?type=simplifiee");
        Pdfs.assertPdfA(simple.body());
        Pdfs.enregistrer(simple.body(), "attestation-renouvellement-simplifiee");
        assertEquals(1, Pdfs.pages(simple.body()), "the simplified renewal attestation holds on one page");
        assertTrue(Pdfs.texte(simple.body()).contains("Attestation de renouvellement"));
    }

    @Test
    void ifMatchProtectsAgainstAStaleRead() {
        String numero = nouvelle("editeur-actis");
        HttpResponse<String> perimee = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/renouvellement", null, "\"" + numero + "-7\"");
        assertEquals(412, perimee.statusCode(), perimee.body());
        assertEquals("application/problem+json", perimee.headers().firstValue("Content-Type").orElse(""));
        assertTrue(perimee.body().contains("\"versionActuelle\":1"), perimee.body());
        assertEquals(0, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'REN'", numero));
        assertEquals(200, post("editeur-actis", "/api/v1.0/demandes/" + numero + "/renouvellement", null, "\"" + numero + "-1\"").statusCode());
        HttpResponse<String> radiation = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation",
                "{\"motif\": \"RADABA\", \"dateRenonciation\": \"" + today() + "\"}", "W/\"" + numero + "-2\"");
        assertEquals(412, radiation.statusCode(), radiation.body());
    }

    @Test
    void aLandlordsDeskRadiatesForAnAttributionWithTheDwellingAndTheContingent() {
        String numero = nouvelle("editeur-stegreve");
        String corps = ATTRIBUTION.formatted(today(), "38A0012345", today().minusDays(9));

        // a commune's desk may not; another territory does not even know the application
        HttpResponse<String> commune = post("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/radiation", corps, null);
        assertEquals(403, commune.statusCode(), commune.body());
        assertEquals("application/problem+json", commune.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, post("editeur-logis", "/api/v1.0/demandes/" + numero + "/radiation", corps, null).statusCode());

        HttpResponse<String> r = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation", corps, "\"" + numero + "-1\"");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"etat\":\"RADIEE\""), r.body());
        assertTrue(r.body().contains("\"numeroUnique\":\"" + numero + "\""), r.body());
        assertEquals(1, compte("""
                SELECT count(*) FROM radiation WHERE numero_unique = ? AND motif = 'RADATT' AND guichet = '38001' AND type_guichet = 'BAILLEUR'
                   AND rpls = '38A0012345' AND contingent = 'COLACT' AND reservataire = 'Action Logement Services'
                   AND date_signature_bail = ? AND date_radiation = ? AND auteur = 'client:editeur-actis' AND levee_le IS NULL""",
                numero, today(), today()));
        assertEquals(1, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'RAD'", numero));
        assertEquals(1, compte("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'RADDEM' AND origine = 'SYSTEME'", numero));
        assertEquals(1, compte("SELECT count(*) FROM audit WHERE objet_id = ? AND acteur = 'client:editeur-actis' AND apres->>'etat' = 'RADIEE' "
                + "AND apres->>'motif' = 'RADATT'", numero));
        // the anonymous statistics row: months, household, wanted commune, desk types, contingent; no number
        assertEquals(1, compte("""
                SELECT count(*) FROM radiation_statistique s JOIN radiation r ON r.territoire = s.territoire AND r.statistique_id = s.id
                 WHERE r.numero_unique = ? AND s.motif = 'RADATT' AND s.mois_depot = date_trunc('month', ?::date)
                   AND s.mois_radiation = date_trunc('month', ?::date) AND s.taille_menage = 3 AND s.commune_principale = '38185'
                   AND s.types_logement = '{T2,T3}' AND s.type_guichet_enregistreur = 'COMMUNE' AND s.type_guichet_radiation = 'BAILLEUR'
                   AND s.contingent = 'COLACT' AND NOT s.annulee""", numero, today(), today()));

        // already radiated; a radiated application's content no longer changes; it is not renewed
        HttpResponse<String> encore = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation", corps, null);
        assertEquals(409, encore.statusCode(), encore.body());
        assertTrue(encore.body().contains("déjà radiée"), encore.body());
        HttpResponse<String> renouvellement = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/renouvellement", null, null);
        assertEquals(409, renouvellement.statusCode(), renouvellement.body());
        assertTrue(renouvellement.body().contains("ne peut pas être renouvelée"), renouvellement.body());
        assertTrue(renouvellement.body().contains("déradiation"), renouvellement.body());
        assertEquals(1, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'RAD'", numero));
    }

    @Test
    void anAttributionWithoutItsDwellingOrWithAShortRplsIdIsRefusedFieldByField() {
        String numero = nouvelle("editeur-actis");
        HttpResponse<String> sans = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation", "{\"motif\": \"RADATT\"}", null);
        assertEquals(400, sans.statusCode(), sans.body());
        assertTrue(sans.body().contains("\"champ\":\"attribution\""), sans.body());
        HttpResponse<String> court = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation",
                ATTRIBUTION.formatted(today(), "123456789", today()).replace("\"COLACT\"", "\"XXX\""), null);
        assertEquals(400, court.statusCode(), court.body());
        assertTrue(court.body().contains("\"champ\":\"attribution.rpls\""), court.body());
        assertTrue(court.body().contains("exactement 10 caractères"), court.body());
        assertTrue(court.body().contains("\"champ\":\"attribution.contingent\""), court.body());
        HttpResponse<String> futur = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation",
                ATTRIBUTION.formatted(today().plusDays(1), "0123456789", today()), null);
        assertEquals(400, futur.statusCode(), futur.body());
        assertTrue(futur.body().contains("\"champ\":\"attribution.dateSignatureBail\""), futur.body());
        // the dwelling described instead of its RPLS id
        HttpResponse<String> decrit = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation", """
                {"motif": "RADATT", "attribution": {"dateSignatureBail": "%s", "contingent": "AUCUN",
                  "logement": {"adresse": "4 rue des Lilas, 38000 Grenoble", "type": "T3", "surface": 64.5, "loyer": 512.4}}}"""
                .formatted(today()), null);
        assertEquals(200, decrit.statusCode(), decrit.body());
        assertEquals(1, compte("SELECT count(*) FROM radiation WHERE numero_unique = ? AND rpls IS NULL AND logement_type = 'T3' "
                + "AND logement_surface = 64.5 AND logement_loyer = 512.4", numero));
    }

    @Test
    void radrenIsTheSystemsAndMalformedBodiesAreBadRequests() {
        String numero = nouvelle("editeur-actis");
        HttpResponse<String> radren = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation", "{\"motif\": \"RADREN\"}", null);
        assertEquals(400, radren.statusCode(), radren.body());
        assertTrue(radren.body().contains("MOTIF_SYSTEME"), radren.body());
        HttpResponse<String> casse = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation", "{\"motif\": ", null);
        assertEquals(400, casse.statusCode(), casse.body());
        assertEquals("application/problem+json", casse.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, post("editeur-actis", "/api/v1.0/demandes/038XXXX/radiation", "{\"motif\": \"RADABA\"}", null).statusCode());
        assertEquals(404, post("editeur-actis", "/api/v1.0/demandes/030010100000130001/renouvellement", null, null).statusCode());
        assertEquals(0, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'RAD'", numero));
    }

    @Test
    void contactAndInadmissibilityRadiationsNeedAWarningAMonthOld() {
        String numero = nouvelle("editeur-actis");
        String radcon = "{\"motif\": \"RADCON\", \"commentaire\": \"Courriers revenus NPAI\"}";
        HttpResponse<String> sans = post("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/radiation", radcon, null);
        assertEquals(409, sans.statusCode(), sans.body());
        assertTrue(sans.body().contains("Aucun avertissement"), sans.body());

        // a warning ten days ago: too recent
        FabriqueDemandes.sql("""
                INSERT INTO evenement (territoire, numero_unique, code, origine, date_survenance, commentaire, guichet, auteur)
                VALUES ('038', ?, 'AVERAD', 'GUICHET', ?, 'Lettre recommandée', '38002', 'agent.stegreve@sne.test')""",
                numero, today().minusDays(10));
        HttpResponse<String> recent = post("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/radiation", radcon, null);
        assertEquals(409, recent.statusCode(), recent.body());
        assertTrue(recent.body().contains("à partir du"), recent.body());

        // RADIRR needs its sub-motif (checked before anything else)
        HttpResponse<String> irr = post("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/radiation", "{\"motif\": \"RADIRR\"}", null);
        assertEquals(400, irr.statusCode(), irr.body());
        assertTrue(irr.body().contains("\"champ\":\"sousMotif\""), irr.body());

        // a deleted warning does not count; one of forty days ago does
        FabriqueDemandes.sql("""
                INSERT INTO evenement (territoire, numero_unique, code, origine, date_survenance, guichet, auteur, supprime_le, supprime_par)
                VALUES ('038', ?, 'AVERAD', 'GUICHET', ?, '38002', 'agent.stegreve@sne.test', now(), 'agent.stegreve@sne.test')""",
                numero, today().minusDays(60));
        assertEquals(409, post("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/radiation", radcon, null).statusCode());
        FabriqueDemandes.sql("""
                INSERT INTO evenement (territoire, numero_unique, code, origine, date_survenance, guichet, auteur)
                VALUES ('038', ?, 'AVERAD', 'GUICHET', ?, '38002', 'agent.stegreve@sne.test')""", numero, today().minusDays(40));
        HttpResponse<String> ok = post("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/radiation",
                "{\"motif\": \"RADIRR\", \"sousMotif\": \"IRRRES\"}", null);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(1, compte("SELECT count(*) FROM radiation WHERE numero_unique = ? AND motif = 'RADIRR' AND sous_motif = 'IRRRES' "
                + "AND date_avertissement = ?", numero, today().minusDays(40)));
    }

    @Test
    void theContractsMinimalRenunciationBodyRadiatesAsOfToday() {
        String numero = nouvelle("editeur-actis");
        HttpResponse<String> r = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation", "{\"motif\": \"RADABA\"}", null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"etat\":\"RADIEE\""), r.body());
        assertEquals(1, compte("SELECT count(*) FROM radiation WHERE numero_unique = ? AND motif = 'RADABA' AND date_renonciation = ?",
                numero, today()));
    }

    @Test
    void aWrittenRenunciationRadiatesWithTheDateOfTheLetter() {
        String numero = nouvelle("editeur-actis");
        HttpResponse<String> avant = post("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/radiation",
                "{\"motif\": \"RADABA\", \"dateRenonciation\": \"" + today().minusYears(2) + "\"}", null);
        assertEquals(400, avant.statusCode(), avant.body());
        assertTrue(avant.body().contains("précéder le dépôt"), avant.body());
        HttpResponse<String> r = post("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/radiation",
                "{\"motif\": \"RADABA\", \"dateRenonciation\": \"" + today() + "\"}", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, compte("SELECT count(*) FROM radiation WHERE numero_unique = ? AND motif = 'RADABA' AND date_renonciation = ? "
                + "AND type_guichet = 'COMMUNE'", numero, today()));
        // read back radiated, in JSON and in interfaceNuu XML
        HttpResponse<String> get = fabrique.get("editeur-actis", "/api/v1.0/demandes/" + numero);
        assertTrue(get.body().contains("\"etat\":\"RADIEE\""), get.body());
        assertFalse(get.body().contains("\"etat\":\"ACTIVE\""));
        HttpResponse<String> xml = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes/" + numero))
                .header("Authorization", "Bearer " + FabriqueDemandes.jeton("editeur-actis")).header("Accept", "application/xml").GET().build());
        assertEquals(200, xml.statusCode(), xml.body());
        // a radiated application's content no longer changes, even through a full update
        HttpResponse<String> put = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes/" + numero))
                .header("Authorization", "Bearer " + FabriqueDemandes.jeton("editeur-actis")).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("If-Match", "\"" + numero + "-1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(FabriqueDemandes.Menage.de("Autre", "Nom", "1984-04-04").json())).build());
        assertEquals(409, put.statusCode(), put.body());
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        HttpResponse<String> doc = web.page("/api/openapi.yml");
        assertEquals(200, doc.statusCode());
        for (String attendu : new String[] {"/api/v1.0/demandes/{numeroUnique}/renouvellement", "/api/v1.0/demandes/{numeroUnique}/radiation",
                "Renouveler une demande pour un an", "Radier une demande", "DemandeRadiation.Attribution", "dateSignatureBail"}) {
            assertTrue(doc.body().contains(attendu), attendu);
        }
        assertFalse(doc.body().contains("/pro/demandes/{numero}/radiation"), "pages are not API");
    }
}
