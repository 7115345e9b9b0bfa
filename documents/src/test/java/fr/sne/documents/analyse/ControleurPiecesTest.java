package fr.sne.documents.analyse;

import fr.sne.documents.analyse.Controle.Accepte;
import fr.sne.documents.analyse.Controle.Motif;
import fr.sne.documents.analyse.Controle.Refuse;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upload check on the real sample files and on broken or hostile ones. */
class ControleurPiecesTest {

    private static final TikaEngine TIKA = new TikaEngine();
    private static ControleurPieces controleur;

    @TempDir
    Path dossier;

    @BeforeAll
    static void demarrer() {
        controleur = new ControleurPiecesTika(PiecesConfiguration.parDefaut(), TIKA);
    }

    @ParameterizedTest
    @CsvSource({
            "testPDF.pdf, PDF", "testOCR.pdf, PDF", "testPDF_acroform3.pdf, PDF",
            "testJPEG_EXIF.jpg, JPEG", "testJPEG_GEO.jpg, JPEG", "testPNG.png, PNG", "testOCR.png, PNG",
            "testTIFF.tif, TIFF", "testHEIF.heic, HEIC"})
    void everyAcceptedSampleIsRecognisedFromItsContent(String echantillon, FormatPiece format) {
        assertEquals(new Accepte(format), controleur.controler(Echantillons.chemin(echantillon)));
        // the name does not matter: the same bytes without extension give the same answer
        assertEquals(new Accepte(format), controleur.controler(Echantillons.copie(echantillon, dossier, "sans-extension")));
    }

    @ParameterizedTest
    @CsvSource({
            "testWORD.doc", "testWORD.docx", "testOpenOffice2.odt", "testRTF.rtf", "testEXCEL.xlsx",
            "testTXTNonASCIIUTF8.txt", "testWORD_protected_passtika.docx", "testODTnotaZipFile.odt"})
    void officeAndTextFilesAreRefusedEvenRenamed(String echantillon) {
        for (String nom : new String[]{"piece.pdf", "photo.jpg", "scan.heic"}) {
            Path renomme = Echantillons.copie(echantillon, dossier, echantillon + "-" + nom);
            Refuse refus = assertInstanceOf(Refuse.class, controleur.controler(renomme), nom);
            assertEquals(Motif.FORMAT_NON_ACCEPTE, refus.motif());
            assertTrue(refus.message().contains("PDF"), refus.message());
        }
    }

    @Test
    void aPdfWithAUserPasswordIsRefusedWithAnExplanation() {
        Refuse refus = assertInstanceOf(Refuse.class, controleur.controler(Echantillons.chemin("testUnicodePassword.pdf")));
        assertEquals(Motif.PROTEGE_PAR_MOT_DE_PASSE, refus.motif());
        assertEquals("Ce fichier est protégé par un mot de passe : enregistrez-le sans mot de passe puis déposez-le "
                + "à nouveau.", refus.message());
    }

    @Test
    void aPdfOnlyRestrictedByItsOwnerOpensAndIsAccepted() throws IOException {
        Path pdf = dossier.resolve("restreint.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            AccessPermission droits = new AccessPermission();
            droits.setCanPrint(false);
            droits.setCanModify(false);
            StandardProtectionPolicy politique = new StandardProtectionPolicy("proprietaire", "", droits);
            politique.setEncryptionKeyLength(128);
            document.protect(politique);
            document.save(pdf.toFile());
        }
        assertEquals(new Accepte(FormatPiece.PDF), controleur.controler(pdf));
    }

    @ParameterizedTest
    @CsvSource({"testPDF.pdf, 0.5", "testPDF_acroform3.pdf, 0.3", "testPNG.png, 0.5", "testTIFF.tif, 0.5",
            "testHEIF.heic, 0.6", "testJPEG_EXIF.jpg, 0.2", "testJPEG_GEO.jpg, 0.8", "testOCR.png, 0.9", "testOCR.pdf, 0.95"})
    void aTruncatedFileIsRefusedAsUnreadable(String echantillon, double fraction) {
        Refuse refus = assertInstanceOf(Refuse.class, controleur.controler(Echantillons.tronque(echantillon, fraction, dossier)));
        assertEquals(Motif.ILLISIBLE, refus.motif(), refus.message());
        assertTrue(refus.message().contains("endommagé"), refus.message());
    }

    @Test
    void randomBytesAndEmptyFilesAreRefusedCleanly() throws IOException {
        byte[] hasard = new byte[50_000];
        new Random(6).nextBytes(hasard);
        assertEquals(Motif.FORMAT_NON_ACCEPTE, motif(Files.write(dossier.resolve("hasard.pdf"), hasard)));

        byte[] fauxPdf = ("%PDF-1.7\n" + new String(hasard, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Motif.ILLISIBLE, motif(Files.write(dossier.resolve("faux.pdf"), fauxPdf)));

        byte[] fauxJpeg = new byte[4096];
        new Random(7).nextBytes(fauxJpeg);
        fauxJpeg[0] = (byte) 0xFF;
        fauxJpeg[1] = (byte) 0xD8;
        fauxJpeg[2] = (byte) 0xFF;
        fauxJpeg[3] = (byte) 0xE0;
        assertEquals(Motif.ILLISIBLE, motif(Files.write(dossier.resolve("faux.jpg"), fauxJpeg)));

        assertEquals(Motif.ILLISIBLE, motif(Files.write(dossier.resolve("vide.pdf"), new byte[0])));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeAnythingElse() {
        ControleurPieces petit = new ControleurPiecesTika(PiecesConfiguration.parDefaut().avecTailleMax(20_000), TIKA);
        Refuse refus = assertInstanceOf(Refuse.class, petit.controler(Echantillons.chemin("testPDF.pdf")));
        assertEquals(Motif.TROP_VOLUMINEUX, refus.motif());
        assertTrue(refus.message().contains("taille maximale de 19,5 Mo") || refus.message().contains("taille maximale"), refus.message());
        assertEquals(new Accepte(FormatPiece.PNG), petit.controler(Echantillons.chemin("testPNG.png")), "17 kB: under the limit");
    }

    @Test
    void theDefaultLimitIsTwentyMegabytes() {
        assertEquals(20L * 1024 * 1024, PiecesConfiguration.parDefaut().tailleMax());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecodingIt() throws IOException {
        Path bombe = bombePng(dossier.resolve("bombe.png"), 60_000, 60_000);
        assertTrue(Files.size(bombe) < 2_000_000, "a few hundred kB on disk");
        Refuse refus = assertInstanceOf(Refuse.class, controleur.controler(bombe));
        assertEquals(Motif.TROP_VOLUMINEUX, refus.motif());
        assertTrue(refus.message().contains("60000 × 60000 pixels"), refus.message());
    }

    @Test
    void theAntivirusRefusesTheEicarTestFileAndAcceptsCleanFiles() throws IOException {
        try (FauxClamd clamd = new FauxClamd(null)) {
            ControleurPieces avecAntivirus = new ControleurPiecesTika(
                    PiecesConfiguration.parDefaut().avecClamd("127.0.0.1", clamd.port(), Duration.ofSeconds(5)), TIKA);
            assertEquals(new Accepte(FormatPiece.PDF), avecAntivirus.controler(Echantillons.chemin("testPDF.pdf")));
            assertEquals(new Accepte(FormatPiece.HEIC), avecAntivirus.controler(Echantillons.chemin("testHEIF.heic")));

            Path infecte = dossier.resolve("infecte.pdf");
            Files.copy(Echantillons.chemin("testPDF.pdf"), infecte);
            Files.writeString(infecte, "\n%" + FauxClamd.EICAR + "\n", StandardCharsets.ISO_8859_1,
                    java.nio.file.StandardOpenOption.APPEND);
            Refuse refus = assertInstanceOf(Refuse.class, avecAntivirus.controler(infecte));
            assertEquals(Motif.VIRUS, refus.motif());
            assertTrue(refus.message().contains("virus"), refus.message());
        }
    }

    @Test
    void whenTheConfiguredAntivirusDoesNotAnswerNothingIsAccepted() throws IOException {
        int portFerme;
        try (ServerSocket libre = new ServerSocket(0)) {
            portFerme = libre.getLocalPort();
        }
        ControleurPieces sansReponse = new ControleurPiecesTika(
                PiecesConfiguration.parDefaut().avecClamd("127.0.0.1", portFerme, Duration.ofSeconds(2)), TIKA);
        Refuse refus = assertInstanceOf(Refuse.class, sansReponse.controler(Echantillons.chemin("testPDF.pdf")));
        assertEquals(Motif.ANTIVIRUS_INDISPONIBLE, refus.motif());
        assertTrue(refus.message().contains("Réessayez"), refus.message());

        try (FauxClamd limite = new FauxClamd("INSTREAM size limit exceeded. ERROR")) {
            ControleurPieces enErreur = new ControleurPiecesTika(
                    PiecesConfiguration.parDefaut().avecClamd("127.0.0.1", limite.port(), Duration.ofSeconds(5)), TIKA);
            assertEquals(Motif.ANTIVIRUS_INDISPONIBLE, motif(enErreur, Echantillons.chemin("testPNG.png")));
        }
    }

    private static Motif motif(Path fichier) {
        return motif(controleur, fichier);
    }

    private static Motif motif(ControleurPieces controleur, Path fichier) {
        return assertInstanceOf(Refuse.class, controleur.controler(fichier)).motif();
    }

    /** A valid grey 1-bit PNG of the given size, all black: megabytes of pixels, kilobytes of file. */
    static Path bombePng(Path fichier, int largeur, int hauteur) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(fichier))) {
            out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            java.io.ByteArrayOutputStream ihdr = new java.io.ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(largeur);
            h.writeInt(hauteur);
            h.write(new byte[]{1, 0, 0, 0, 0}); // 1 bit, greyscale, deflate, filter 0, no interlace
            morceau(out, "IHDR", ihdr.toByteArray());
            java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
            byte[] ligne = new byte[1 + (largeur + 7) / 8];
            try (OutputStream z = new DeflaterOutputStream(idat, new java.util.zip.Deflater(9))) {
                for (int y = 0; y < hauteur; y++) {
                    z.write(ligne);
                }
            }
            morceau(out, "IDAT", idat.toByteArray());
            morceau(out, "IEND", new byte[0]);
        }
        return fichier;
    }

    private static void morceau(DataOutputStream out, String type, byte[] donnees) throws IOException {
        out.writeInt(donnees.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(donnees);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(donnees);
        out.writeInt((int) crc.getValue());
    }
}
