package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.documents.storage.ObjectStorage;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.sne.app.FabriqueDemandes.nombre;
import static fr.sne.app.FabriqueDemandes.sql;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Supporting documents through the vendors' API (contract v1.0 "Documents"), before any analysis. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PieceApiTest implements SharedServicesTest {

    private static final String ACTIS = "editeur-actis";

    @Inject
    EmbeddedServer server;
    @Inject
    ObjectStorage stockage;

    /** The analysis is PieceTachesTest's: here documents stay as deposited unless a test says otherwise. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>(SharedServicesTest.super.getProperties());
        p.put("sne.pieces.analyse-immediate", "false");
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    private String demande() {
        return new FabriqueDemandes(server).creer(ACTIS, FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Piece"), "Lea", "1984-05-05"));
    }

    private List<String> objets(String numero) {
        List<String> cles = new ArrayList<>();
        stockage.lister("038/pieces/" + numero + "/").forEach(o -> cles.add(o.cle()));
        return cles;
    }

    @Test
    void everyAcceptedFormatIsDepositedWithItsMovementEventHistoryAndAudit() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        String depuis = java.time.Instant.now().minusSeconds(5).toString();
        String numero = demande();
        record Cas(String fichier, String typeMime, String type) {
        }
        List<Cas> cas = List.of(new Cas("testPDF.pdf", "application/pdf", "AVIS_IMPOSITION"),
                new Cas("testJPEG_GEO.jpg", "image/jpeg", "CARTE_IDENTITE"),
                new Cas("testPNG.png", "image/png", null),
                new Cas("testHEIF.heic", "image/heic", "PASSEPORT"),
                new Cas("testTIFF.tif", "image/tiff", "QUITTANCE_LOYER"));
        for (Cas c : cas) {
            byte[] octets = PiecesFixture.echantillon(c.fichier());
            HttpResponse<String> r = api.deposer(ACTIS, numero, c.fichier(), "application/octet-stream", octets, c.type());
            assertEquals(201, r.statusCode(), c.fichier() + " " + r.body());
            long id = PiecesFixture.id(r);
            assertEquals("/api/v1.0/demandes/" + numero + "/pieces/" + id, r.headers().firstValue("Location").orElse(""));
            assertTrue(r.body().contains("\"nomFichier\":\"" + c.fichier() + "\""), r.body());
            assertTrue(r.body().contains("\"typeMime\":\"" + c.typeMime() + "\""), "type from the content, not the name: " + r.body());
            assertTrue(r.body().contains("\"taille\":" + octets.length), r.body());
            assertTrue(r.body().contains("\"indicePertinence\":\"NON_VERIFIE\""), r.body());
            assertTrue(r.body().contains("\"deposant\":\"EDITEUR\""), r.body());
            if (c.type() != null) {
                assertTrue(r.body().contains("\"type\":\"" + c.type() + "\""), r.body());
            }
        }
        HttpResponse<String> liste = api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces");
        assertEquals(200, liste.statusCode(), liste.body());
        for (Cas c : cas) {
            assertTrue(liste.body().contains(c.fichier()), liste.body());
        }
        assertEquals(5, objets(numero).size(), "one object per document, under the territory's prefix");
        assertEquals(5, nombre("SELECT count(*) FROM piece_justificative WHERE numero_unique = ?", numero));
        assertEquals(5, nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'PJ'", numero), "GDM movements PJ");
        assertEquals(5, nombre("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'PJAJOU'", numero));
        assertEquals(5, nombre("SELECT count(*) FROM piece_action WHERE numero_unique = ? AND action = 'DEPOSEE' AND acteur = 'client:editeur-actis'", numero));
        assertEquals(5, nombre("""
                SELECT count(*) FROM audit WHERE objet_type = 'PIECE' AND action = 'CREATION' AND acteur = 'client:editeur-actis'
                   AND apres->>'numeroUnique' = ?""", numero));
        // the vendors' feed shows them
        HttpResponse<String> gdm = new FabriqueDemandes(server).get(ACTIS, "/api/v1.0/mouvements?depuis=" + depuis + "&limite=1000");
        assertEquals(200, gdm.statusCode(), gdm.body());
        assertTrue(java.util.regex.Pattern.compile("\"numeroUnique\":\"" + numero + "\",\"type\":\"PJ\"").matcher(gdm.body()).find(),
                gdm.body());
    }

    @Test
    void otherFormatsBadFilesAndTooLargeOnesAreRefusedInFrenchAndNothingIsWritten() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        HttpResponse<String> docx = api.deposer(ACTIS, numero, "contrat.pdf", "application/pdf",
                PiecesFixture.echantillon("testWORD.docx"), "CONTRAT_TRAVAIL");
        assertEquals(415, docx.statusCode(), docx.body());
        assertEquals("application/problem+json", docx.headers().firstValue("Content-Type").orElse(""));
        assertTrue(docx.body().contains("\"detail\":\""), docx.body());

        HttpResponse<String> chiffre = api.deposer(ACTIS, numero, "avis.pdf", "application/pdf",
                PiecesFixture.echantillon("testUnicodePassword.pdf"), null);
        assertEquals(422, chiffre.statusCode(), chiffre.body());
        assertTrue(chiffre.body().contains("mot de passe"), chiffre.body());

        byte[] gros = new byte[20 * 1024 * 1024 + 1];
        byte[] debut = PiecesFixture.pdf("Trop gros");
        System.arraycopy(debut, 0, gros, 0, debut.length);
        HttpResponse<String> tropGros = api.deposer(ACTIS, numero, "gros.pdf", "application/pdf", gros, null);
        assertEquals(413, tropGros.statusCode(), tropGros.body());
        assertTrue(tropGros.body().contains("20 Mo"), tropGros.body());

        HttpResponse<String> sansFichier = api.deposer(ACTIS, numero, Map.of("type", "BAIL"));
        assertEquals(400, sansFichier.statusCode(), sansFichier.body());
        HttpResponse<String> typeInconnu = api.deposer(ACTIS, numero, "bail.pdf", "application/pdf", PiecesFixture.pdfUnique("Bail"), "BAIL_X");
        assertEquals(400, typeInconnu.statusCode(), typeInconnu.body());
        assertTrue(typeInconnu.body().contains("\"champ\":\"type\""), typeInconnu.body());

        assertEquals(0, nombre("SELECT count(*) FROM piece_justificative WHERE numero_unique = ?", numero));
        assertEquals(List.of(), objets(numero));
        assertEquals(0, nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'PJ'", numero));
    }

    @Test
    void theSameBytesTwiceAreOneDocumentAndOneObject() {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        byte[] octets = PiecesFixture.pdfUnique("Quittance de loyer");
        HttpResponse<String> premier = api.deposer(ACTIS, numero, "quittance.pdf", "application/pdf", octets, "QUITTANCE_LOYER");
        assertEquals(201, premier.statusCode(), premier.body());
        HttpResponse<String> second = api.deposer(ACTIS, numero, "quittance-bis.pdf", "application/pdf", octets, null);
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(PiecesFixture.id(premier), PiecesFixture.id(second));
        assertTrue(second.body().contains("\"nomFichier\":\"quittance.pdf\""), second.body());
        assertEquals(1, nombre("SELECT count(*) FROM piece_justificative WHERE numero_unique = ?", numero));
        assertEquals(1, objets(numero).size());
        // the same bytes on another application are that application's own document
        String autre = demande();
        assertEquals(201, api.deposer(ACTIS, autre, "quittance.pdf", "application/pdf", octets, null).statusCode());
    }

    @Test
    void theFileIsServedOnceAnalysedTheMaskedVersionWhenANirWasFound() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        byte[] avis = PiecesFixture.pdfUnique("Avis d'imposition");
        long id = PiecesFixture.id(api.deposer(ACTIS, numero, "avis.pdf", "application/pdf", avis, "AVIS_IMPOSITION"));
        String fichier = "/api/v1.0/demandes/" + numero + "/pieces/" + id + "/fichier";
        sql("UPDATE piece_justificative SET analyse_statut = 'EN_ATTENTE' WHERE id = ?", id);
        HttpResponse<String> attente = api.get(ACTIS, fichier);
        assertEquals(409, attente.statusCode(), attente.body());
        assertTrue(attente.body().contains("en cours d’analyse"), attente.body());

        sql("UPDATE piece_justificative SET analyse_statut = 'TERMINEE', nir_detecte = false WHERE id = ?", id);
        HttpResponse<byte[]> original = api.octets(ACTIS, fichier);
        assertEquals(200, original.statusCode());
        assertArrayEquals(avis, original.body());
        assertEquals("ORIGINAL", original.headers().firstValue("SNE-Version-Piece").orElse(""));
        assertTrue(original.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"avis.pdf\""));
        assertEquals(1, nombre("SELECT count(*) FROM piece_action WHERE piece_id = ? AND action = 'TELECHARGEE'", id));
        assertEquals(1, nombre("SELECT count(*) FROM audit WHERE objet_type = 'PIECE' AND objet_id = ? AND action = 'LECTURE'", Long.toString(id)));

        // a NIR was found: the vendor gets the masked PDF, never the original
        byte[] bulletin = PiecesFixture.pdfUnique("Bulletin de salaire");
        long b = PiecesFixture.id(api.deposer(ACTIS, numero, "bulletin.pdf", "application/pdf", bulletin, "BULLETIN_SALAIRE"));
        String cle = "038/pieces/" + numero + "/" + sha(bulletin);
        byte[] masque = PiecesFixture.pdf("Bulletin de salaire", "N° SS : XXXXXXXXXXXXXXX");
        Path tmp = Files.createTempFile("masque", ".pdf");
        Files.write(tmp, masque);
        stockage.deposer(cle + ".masque.pdf", tmp, "application/pdf");
        Files.delete(tmp);
        sql("UPDATE piece_justificative SET analyse_statut = 'TERMINEE', nir_detecte = true, cle_masquee = ? WHERE id = ?", cle + ".masque.pdf", b);
        String fb = "/api/v1.0/demandes/" + numero + "/pieces/" + b + "/fichier";
        HttpResponse<byte[]> servi = api.octets(ACTIS, fb);
        assertEquals(200, servi.statusCode());
        assertArrayEquals(masque, servi.body());
        assertEquals("MASQUEE", servi.headers().firstValue("SNE-Version-Piece").orElse(""));
        assertEquals(403, api.get(ACTIS, fb + "?version=original").statusCode());
        HttpResponse<String> liste = api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces");
        assertTrue(liste.body().contains("\"nirDetecte\":true"), liste.body());
        assertTrue(liste.body().contains("\"versionOuverte\":\"MASQUEE\""), liste.body());
    }

    @Test
    void aDeskRequalifiesWithIfMatchAndAStaleVersionIsRefused() {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        long id = PiecesFixture.id(api.deposer(ACTIS, numero, "scan.pdf", "application/pdf", PiecesFixture.pdfUnique("Scan"), null));
        String chemin = "/api/v1.0/demandes/" + numero + "/pieces/" + id;
        HttpResponse<String> lu = api.get(ACTIS, chemin);
        String etag = lu.headers().firstValue("ETag").orElseThrow();
        String corps = """
                {"type": "AVIS_IMPOSITION", "indicePertinence": "REGLEMENTAIRE", "finValidite": "2027-12-31",
                 "commentaire": "Vérifié", "sousDocuments": [{"de": 1, "a": 1, "libelle": "Avis d'imposition 2025"}]}""";
        assertEquals(428, api.patch(ACTIS, chemin, corps, null).statusCode());
        HttpResponse<String> ok = api.patch(ACTIS, chemin, corps, etag);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"categorie\":\"REVENU_FISCAL\""), "the category follows the type: " + ok.body());
        assertTrue(ok.body().contains("\"indicePertinence\":\"REGLEMENTAIRE\""), ok.body());
        assertTrue(ok.body().contains("\"libelle\":\"Avis d'imposition 2025\""), ok.body());
        HttpResponse<String> perimee = api.patch(ACTIS, chemin, "{\"indicePertinence\": \"SUSPICION_FRAUDE\"}", etag);
        assertEquals(412, perimee.statusCode(), perimee.body());
        assertEquals("application/problem+json", perimee.headers().firstValue("Content-Type").orElse(""));
        assertTrue(perimee.body().contains("\"indicePertinence\":\"REGLEMENTAIRE\""), "the current description: " + perimee.body());
        HttpResponse<String> incoherent = api.patch(ACTIS, chemin, "{\"categorie\": \"IDENTITE\"}", ok.headers().firstValue("ETag").orElseThrow());
        assertEquals(400, incoherent.statusCode(), incoherent.body());
        assertEquals(1, nombre("SELECT count(*) FROM piece_action WHERE piece_id = ? AND action = 'REQUALIFIEE'", id));
        assertEquals(2, nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'PJ'", numero));
        assertEquals(1, nombre("SELECT count(*) FROM audit WHERE objet_type = 'PIECE' AND objet_id = ? AND action = 'MODIFICATION'", Long.toString(id)));
        HttpResponse<String> historique = api.get(ACTIS, chemin + "/historique");
        assertTrue(historique.body().contains("\"nature\":\"DEPOSEE\"") && historique.body().contains("\"nature\":\"REQUALIFIEE\""),
                historique.body());
    }

    @Test
    void aDeletedDocumentLeavesTheListKeepsItsHistoryAndCanBeDepositedAgain() {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        byte[] octets = PiecesFixture.pdfUnique("Attestation CAF");
        long id = PiecesFixture.id(api.deposer(ACTIS, numero, "caf.pdf", "application/pdf", octets, "ATTESTATION_CAF"));
        String chemin = "/api/v1.0/demandes/" + numero + "/pieces/" + id;
        assertEquals(204, api.delete(ACTIS, chemin).statusCode());
        assertFalse(api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces").body().contains("caf.pdf"));
        assertEquals(410, api.get(ACTIS, chemin + "/fichier").statusCode());
        assertEquals(1, nombre("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'PJSUPP'", numero));
        assertEquals(1, nombre("SELECT count(*) FROM piece_action WHERE piece_id = ? AND action = 'SUPPRIMEE'", id));
        HttpResponse<String> encore = api.deposer(ACTIS, numero, "caf.pdf", "application/pdf", octets, "ATTESTATION_CAF");
        assertEquals(201, encore.statusCode(), encore.body());
        assertEquals(1, objets(numero).size(), "the same bytes, the same object");
    }

    @Test
    void anotherTerritorysSystemDoesNotKnowTheDocumentsAndVendorsNeverSeeSensitiveTypes() {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        long id = PiecesFixture.id(api.deposer(ACTIS, numero, "releve.pdf", "application/pdf", PiecesFixture.pdfUnique("Relevé"), null));
        assertEquals(404, api.get("editeur-logis", "/api/v1.0/demandes/" + numero + "/pieces").statusCode());
        assertEquals(404, api.get("editeur-logis", "/api/v1.0/demandes/" + numero + "/pieces/" + id + "/fichier").statusCode());
        assertEquals(404, api.deposer("editeur-logis", numero, "x.pdf", "application/pdf", PiecesFixture.pdfUnique("X"), null).statusCode());
        // the same territory's other desk's system shares the dossier
        assertEquals(200, api.get("editeur-stegreve", "/api/v1.0/demandes/" + numero + "/pieces/" + id).statusCode());

        HttpResponse<String> sensible = api.deposer(ACTIS, numero, "certificat.pdf", "application/pdf",
                PiecesFixture.pdfUnique("Certificat médical"), "CERTIFICAT_MEDICAL");
        assertEquals(201, sensible.statusCode(), sensible.body());
        long s = PiecesFixture.id(sensible);
        assertFalse(api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces").body().contains("certificat.pdf"));
        assertEquals(404, api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + s).statusCode());
        assertEquals(404, api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + s + "/fichier").statusCode());
    }

    @Test
    void badInputOnTheDocumentsEndpointsIsAFrench4xxProblemNever5xx() {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        long id = PiecesFixture.id(api.deposer(ACTIS, numero, "a.pdf", "application/pdf", PiecesFixture.pdfUnique("A"), null));
        String base = "/api/v1.0/demandes/" + numero + "/pieces";
        WebClient web = new WebClient(server);
        String jeton = "Bearer " + FabriqueDemandes.jeton(ACTIS);
        List<String> echecs = new ArrayList<>();
        record Cas(String methode, String chemin, String type, String corps) {
        }
        List<Cas> cas = List.of(
                new Cas("POST", base, "application/json", "{\"fichier\": \"x\"}"),
                new Cas("POST", base, "multipart/form-data", "pas de frontière"),
                new Cas("POST", base, "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"fichier\""),
                new Cas("POST", base, "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nBAIL\r\n--xyz--\r\n"),
                new Cas("POST", "/api/v1.0/demandes/PAS-UN-NUMERO/pieces", "multipart/form-data; boundary=xyz", "--xyz--\r\n"),
                new Cas("GET", base + "/abc", null, null),
                new Cas("GET", base + "/999999999", null, null),
                new Cas("GET", base + "/999999999/fichier", null, null),
                new Cas("GET", base + "/" + id + "/fichier?version=zzz", null, null),
                new Cas("GET", "/api/v1.0/demandes/030112600000130001/pieces", null, null),
                new Cas("PATCH", base + "/" + id, "application/json", "{"),
                new Cas("PATCH", base + "/" + id, "application/json", "{\"type\": 12, \"sousDocuments\": \"non\"}"),
                new Cas("PATCH", base + "/" + id, "application/json", "{\"indicePertinence\": \"PEUT-ETRE\"}"),
                new Cas("PATCH", base + "/" + id, "application/json", "{\"sousDocuments\": [{\"de\": 3, \"a\": 1, \"libelle\": \"\"}]}"),
                new Cas("PATCH", base + "/abc", "application/json", "{}"),
                new Cas("DELETE", base + "/abc", null, null),
                new Cas("DELETE", base + "/999999999", null, null));
        for (Cas c : cas) {
            java.net.http.HttpRequest.Builder r = java.net.http.HttpRequest.newBuilder(web.uri(c.chemin()))
                    .header("Authorization", jeton).header("If-Match", "\"piece-" + id + "-1\"")
                    .method(c.methode(), c.corps() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(c.corps()));
            if (c.type() != null) {
                r.header("Content-Type", c.type());
            }
            HttpResponse<String> reponse = web.send(r.build());
            boolean ok = reponse.statusCode() >= 400 && reponse.statusCode() < 500
                    && reponse.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    && reponse.body().contains("\"detail\":\"");
            if (!ok) {
                echecs.add(c.methode() + " " + c.chemin() + " " + c.type() + " → " + reponse.statusCode() + " " + reponse.body());
            }
        }
        assertEquals(List.of(), echecs);
        assertEquals(1, nombre("SELECT count(*) FROM piece_justificative WHERE numero_unique = ?", numero));
        assertEquals(1, nombre("SELECT version FROM piece_justificative WHERE id = ?", id), "nothing was requalified");
    }

    private static String sha(byte[] octets) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(octets));
    }
}
