package fr.sne.app;

import fr.sne.core.cycle.PurgeDemandes;
import fr.sne.core.export.GenerationExport;
import fr.sne.core.piece.AnalysePieces;
import fr.sne.core.piece.ReconciliationPieces;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.documents.storage.ObjectStorage;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import static fr.sne.app.FabriqueDemandes.nombre;
import static fr.sne.app.FabriqueDemandes.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documents' jobs: analysis after upload (and its persistent sweep), reconciliation of storage
 * and rows, purge of a radiated application's documents, their descriptions in bulk exports.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PieceTachesTest implements SharedServicesTest {

    private static final String ACTIS = "editeur-actis";
    private static final String NIR = "1 84 12 76 451 089 46";

    @Inject
    EmbeddedServer server;
    @Inject
    ObjectStorage stockage;
    @Inject
    AnalysePieces analyses;
    @Inject
    ReconciliationPieces reconciliation;
    @Inject
    PurgeDemandes purge;
    @Inject
    GenerationExport exports;

    /** The jobs run when the test says (the deposit's immediate analysis stays on). */
    @Override
    public java.util.Map<String, String> getProperties() {
        java.util.Map<String, String> p = new java.util.HashMap<>(SharedServicesTest.super.getProperties());
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    private String demande() {
        return new FabriqueDemandes(server).creer(ACTIS, FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Tache"), "Lea", "1984-05-05"));
    }

    /** Waits for the analysis started at upload (the sweep would take it otherwise); returns its status. */
    private String analysee(long id) throws InterruptedException {
        Instant limite = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(limite)) {
            String statut = statut(id);
            if (statut.equals("TERMINEE") || statut.equals("ECHEC")) {
                return statut;
            }
            analyses.executer(Instant.now());
            Thread.sleep(200);
        }
        return statut(id);
    }

    private static String statut(long id) {
        long code = nombre("""
                SELECT CASE analyse_statut WHEN 'TERMINEE' THEN 1 WHEN 'ECHEC' THEN 2 ELSE 0 END
                  FROM piece_justificative WHERE id = ?""", id);
        return code == 1 ? "TERMINEE" : code == 2 ? "ECHEC" : "ATTENTE";
    }

    private static String texte(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void aPayslipWithANirIsRecognisedAndOnlyItsMaskedVersionReachesVendors() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        byte[] bulletin = PiecesFixture.pdf("BULLETIN DE PAIE", "Période : du 01/03/2025 au 31/03/2025",
                "Salarié : Jean Martin, agent d'accueil", "N° de sécurité sociale : " + NIR, "Salaire brut : 2 345,67 €",
                "Net à payer : 1 834,12 €", "Rappel immatriculation " + NIR.replace(" ", ""), "Réf. " + java.util.UUID.randomUUID());
        HttpResponse<String> r = api.deposer(ACTIS, numero, "scan.pdf", "application/pdf", bulletin, null);
        assertEquals(201, r.statusCode(), r.body());
        long id = PiecesFixture.id(r);
        assertEquals("TERMINEE", analysee(id));

        HttpResponse<String> lu = api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + id);
        assertTrue(lu.body().contains("\"nirDetecte\":true"), lu.body());
        assertTrue(lu.body().contains("\"typeSuggere\":\"BULLETIN_SALAIRE\""), lu.body());
        assertTrue(lu.body().contains("\"type\":\"BULLETIN_SALAIRE\""), "no type was given: the suggestion becomes it " + lu.body());
        assertTrue(lu.body().contains("\"categorie\":\"RESSOURCES\""), lu.body());
        assertTrue(lu.body().contains("\"versionOuverte\":\"MASQUEE\""), lu.body());

        HttpResponse<byte[]> masque = api.octets(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + id + "/fichier");
        assertEquals(200, masque.statusCode());
        assertEquals("MASQUEE", masque.headers().firstValue("SNE-Version-Piece").orElse(""));
        String extrait = texte(masque.body()).replaceAll("\\s", "");
        assertFalse(extrait.contains(NIR.replace(" ", "")), "the masked file no longer holds the NIR: " + extrait);
        assertEquals(403, api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + id + "/fichier?version=original").statusCode());
        assertEquals(1, nombre("SELECT count(*) FROM piece_action WHERE piece_id = ? AND action = 'ANALYSEE'", id));
        assertEquals(2, nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'PJ'", numero), "deposit and analysis");
        assertEquals(0, nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND metadonnees::text LIKE ?", id,
                "%" + NIR.replace(" ", "") + "%"));
    }

    @Test
    void aTaxNoticeGivesItsYearAndReferenceIncomeAndTheDepositorsTypeStays() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        byte[] avis = PiecesFixture.pdf("Avis d'impôt 2025 sur les revenus 2024", "Revenu fiscal de référence : 23 456 €",
                "Nombre de parts : 1", "Réf. " + java.util.UUID.randomUUID());
        long id = PiecesFixture.id(api.deposer(ACTIS, numero, "avis.pdf", "application/pdf", avis, "AVIS_IMPOSITION"));
        assertEquals("TERMINEE", analysee(id));
        HttpResponse<String> lu = api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + id);
        assertTrue(lu.body().contains("\"anneeRevenus\":2024"), lu.body());
        assertTrue(lu.body().contains("\"revenuFiscalReference\":23456"), lu.body());
        assertTrue(lu.body().contains("\"nirDetecte\":false"), lu.body());
        assertTrue(lu.body().contains("\"versionOuverte\":\"ORIGINAL\""), lu.body());

        byte[] bulletin = PiecesFixture.pdf("BULLETIN DE PAIE", "Net à payer : 1 834,12 €", "Réf. " + java.util.UUID.randomUUID());
        long autre = PiecesFixture.id(api.deposer(ACTIS, numero, "bulletin.pdf", "application/pdf", bulletin, "AUTRE"));
        assertEquals("TERMINEE", analysee(autre));
        HttpResponse<String> garde = api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + autre);
        assertTrue(garde.body().contains("\"type\":\"AUTRE\""), "the depositor's type stays: " + garde.body());
        assertTrue(garde.body().contains("\"typeSuggere\":\"BULLETIN_SALAIRE\""), garde.body());
    }

    @Test
    void aPhotosLocationNeverReachesAVendorOnlyItsPreview() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        byte[] photo = PiecesFixture.echantillon("testJPEG_GEO.jpg");
        assertTrue(new String(photo, StandardCharsets.ISO_8859_1).contains("Exif"));
        long id = PiecesFixture.id(api.deposer(ACTIS, numero, "identite.jpg", "image/jpeg", photo, "CARTE_IDENTITE"));
        assertEquals("TERMINEE", analysee(id));
        HttpResponse<byte[]> apercu = api.octets(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + id + "/fichier");
        assertEquals(200, apercu.statusCode());
        assertEquals("APERCU", apercu.headers().firstValue("SNE-Version-Piece").orElse(""));
        assertEquals("image/jpeg", apercu.headers().firstValue("Content-Type").orElse(""));
        String octets = new String(apercu.body(), StandardCharsets.ISO_8859_1);
        assertFalse(octets.contains("Exif") || octets.contains("GPS"), "no EXIF/GPS in what the vendor gets");
        assertEquals(403, api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + id + "/fichier?version=original").statusCode());
    }

    @Test
    void theSweepTakesBackAnAnalysisLeftByADeadNodeAndGivesUpAfterThreeAttempts() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        long id = PiecesFixture.id(api.deposer(ACTIS, numero, "avis.pdf", "application/pdf", PiecesFixture.pdfUnique("Avis"), null));
        assertEquals("TERMINEE", analysee(id));
        // a node claimed it again and died: its lease has run out
        sql("""
                UPDATE piece_justificative SET analyse_statut = 'EN_COURS', analyse_tentatives = 1,
                       analyse_bail_jusqua = now() - interval '1 minute', nir_detecte = NULL WHERE id = ?""", id);
        assertTrue(analyses.executer(Instant.now()).analysees() >= 1);
        assertEquals("TERMINEE", statut(id));
        assertEquals(2, nombre("SELECT analyse_tentatives FROM piece_justificative WHERE id = ?", id));
        // a third attempt that died too: failed for good, and nobody without the sensitive right opens it
        sql("""
                UPDATE piece_justificative SET analyse_statut = 'EN_COURS', analyse_tentatives = 3,
                       analyse_bail_jusqua = now() - interval '1 minute' WHERE id = ?""", id);
        assertTrue(analyses.executer(Instant.now()).echecs() >= 1);
        assertEquals("ECHEC", statut(id));
        HttpResponse<String> refus = api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + id + "/fichier");
        assertEquals(403, refus.statusCode(), refus.body());
        assertTrue(refus.body().contains("n’a pas abouti"), refus.body());
    }

    @Test
    void aCrashBetweenStorageAndDatabaseLeavesAnOrphanTheReconciliationDeletesAfterItsGracePeriod() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        // the database refuses this application's documents after the bytes are stored
        sql("""
                CREATE OR REPLACE FUNCTION test_piece_panne() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'panne simulée'; END $$""");
        sql("CREATE TRIGGER test_piece_panne BEFORE INSERT ON piece_justificative FOR EACH ROW WHEN (NEW.numero_unique = '"
                + numero + "') EXECUTE FUNCTION test_piece_panne()");
        byte[] octets = PiecesFixture.pdfUnique("Quittance");
        try {
            HttpResponse<String> r = api.deposer(ACTIS, numero, "quittance.pdf", "application/pdf", octets, null);
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        } finally {
            sql("DROP TRIGGER test_piece_panne ON piece_justificative");
        }
        String cle = "038/pieces/" + numero + "/" + sha(octets);
        assertEquals(0, nombre("SELECT count(*) FROM piece_justificative WHERE numero_unique = ?", numero), "no half-written record");
        assertEquals(0, nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'PJ'", numero));
        assertTrue(stockage.existe(cle), "the bytes were stored first");

        // an upload may still be committing: within the grace period nothing is touched
        reconciliation.executer(Instant.now());
        assertTrue(stockage.existe(cle));
        ReconciliationPieces.Bilan bilan = reconciliation.executer(Instant.now().plus(Duration.ofHours(2)));
        assertTrue(bilan.orphelinsSupprimes() >= 1, bilan.toString());
        assertFalse(stockage.existe(cle));
        // and the deposit works again
        assertEquals(201, api.deposer(ACTIS, numero, "quittance.pdf", "application/pdf", octets, null).statusCode());
    }

    @Test
    void aRowWhoseBytesVanishedIsFlaggedAndAMissingDerivativeIsRebuilt() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        byte[] octets = PiecesFixture.pdfUnique("Bail");
        long id = PiecesFixture.id(api.deposer(ACTIS, numero, "bail.pdf", "application/pdf", octets, "BAIL"));
        assertEquals("TERMINEE", analysee(id));
        String cle = "038/pieces/" + numero + "/" + sha(octets);
        stockage.supprimer(cle);
        ReconciliationPieces.Bilan bilan = reconciliation.executer(Instant.now().plus(Duration.ofHours(2)));
        assertTrue(bilan.manquants() >= 1, bilan.toString());
        assertEquals(1, nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND objet_manquant_le IS NOT NULL", id));
        assertEquals(1, nombre("""
                SELECT count(*) FROM audit WHERE objet_type = 'PIECE' AND objet_id = ? AND acteur = 'systeme:reconciliation-pieces'
                   AND apres->>'objetManquant' = 'true'""", Long.toString(id)));
        HttpResponse<String> absent = api.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces/" + id + "/fichier");
        assertEquals(410, absent.statusCode(), absent.body());
        // restored from a backup: the flag goes
        Path tmp = Files.createTempFile("bail", ".pdf");
        Files.write(tmp, octets);
        stockage.deposer(cle, tmp, "application/pdf");
        Files.delete(tmp);
        reconciliation.executer(Instant.now().plus(Duration.ofHours(2)));
        assertEquals(0, nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND objet_manquant_le IS NOT NULL", id));

        // a photo's preview lost: the analysis runs again and rebuilds it
        long photo = PiecesFixture.id(api.deposer(ACTIS, numero, "photo.png", "image/png", PiecesFixture.echantillon("testPNG.png"), null));
        assertEquals("TERMINEE", analysee(photo));
        String apercu = "038/pieces/" + numero + "/" + sha(PiecesFixture.echantillon("testPNG.png")) + ".apercu.jpg";
        assertTrue(stockage.existe(apercu), apercu);
        stockage.supprimer(apercu);
        assertTrue(reconciliation.executer(Instant.now().plus(Duration.ofHours(2))).derivesRelances() >= 1);
        assertEquals("TERMINEE", analysee(photo));
        assertTrue(stockage.existe(apercu));
    }

    @Test
    void purgingARadiatedApplicationRemovesItsDocumentsRowsAndObjects() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        FabriqueDemandes fabrique = new FabriqueDemandes(server);
        String numero = demande();
        byte[] octets = PiecesFixture.echantillon("testPNG.png");
        long id = PiecesFixture.id(api.deposer(ACTIS, numero, "photo.png", "image/png", octets, "CARTE_IDENTITE"));
        assertEquals("TERMINEE", analysee(id));
        String cle = "038/pieces/" + numero + "/" + sha(octets);
        assertTrue(stockage.existe(cle));
        LocalDate aujourdhui = LocalDate.now(ZoneId.of("Europe/Paris"));
        HttpResponse<String> radiee = api.post(ACTIS, "/api/v1.0/demandes/" + numero + "/radiation",
                "{\"motif\": \"RADABA\", \"dateRenonciation\": \"" + aujourdhui + "\"}");
        assertEquals(200, radiee.statusCode(), radiee.body());
        sql("UPDATE radiation SET date_radiation = ? WHERE numero_unique = ?", aujourdhui.minusYears(1).minusDays(1), numero);
        PurgeDemandes.Bilan bilan = purge.executer(aujourdhui);
        assertEquals(0, bilan.echecs());
        assertEquals(0, nombre("SELECT count(*) FROM piece_justificative WHERE numero_unique = ?", numero));
        assertEquals(0, nombre("SELECT count(*) FROM piece_action WHERE numero_unique = ?", numero));
        assertFalse(stockage.existe(cle), "the original goes with the application");
        assertFalse(stockage.existe(cle + ".apercu.jpg"), "and its derivatives");
        assertEquals(404, fabrique.get(ACTIS, "/api/v1.0/demandes/" + numero + "/pieces").statusCode());
    }

    @Test
    void anExportDescribesTheDocumentsWithoutTheirBytesNorSensitiveTypes() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        String numero = demande();
        long avis = PiecesFixture.id(api.deposer(ACTIS, numero, "avis.pdf", "application/pdf", PiecesFixture.pdfUnique("Avis"), "AVIS_IMPOSITION"));
        api.deposer(ACTIS, numero, "certificat.pdf", "application/pdf", PiecesFixture.pdfUnique("Certificat"), "CERTIFICAT_MEDICAL");
        HttpResponse<String> cree = api.post("editeur-stegreve", "/api/v1.0/exports",
                "{\"entites\": [\"PJ\"], \"communes\": [\"38185\"]}");
        assertEquals(202, cree.statusCode(), cree.body());
        String exportId = cree.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        exports.executer(Instant.now());
        String statut = api.get("editeur-stegreve", "/api/v1.0/exports/" + exportId).body();
        assertTrue(statut.contains("\"TERMINE\""), statut);
        HttpResponse<byte[]> archive = api.octets("editeur-stegreve", "/api/v1.0/exports/" + exportId + "/fichier");
        assertEquals(200, archive.statusCode());
        String pieces = entree(archive.body(), "pieces.xml");
        assertFalse(pieces.contains("donneesDisponibles"), pieces);
        assertTrue(pieces.contains("<piece numUnique=\"" + numero + "\" id=\"" + avis + "\">"), pieces);
        assertTrue(pieces.contains("<type>AVIS_IMPOSITION</type>"), pieces);
        assertFalse(pieces.contains("certificat.pdf"), "sensitive types are not exported");
    }

    /** A file of a tar.gz archive, as text. */
    private static String entree(byte[] targz, String nom) throws Exception {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(targz))) {
            byte[] entete = new byte[512];
            while (in.readNBytes(entete, 0, 512) == 512 && entete[0] != 0) {
                String n = new String(entete, 0, 100, StandardCharsets.US_ASCII).trim().replace("\0", "");
                long taille = Long.parseLong(new String(entete, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                byte[] contenu = in.readNBytes((int) taille);
                in.readNBytes((int) ((512 - taille % 512) % 512));
                if (n.equals(nom)) {
                    return new String(contenu, StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(nom + " absent de l'archive");
    }

    private static String sha(byte[] octets) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(octets));
    }
}
