package fr.sne.documents.analyse;

import fr.sne.documents.catalogue.TypePiece;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis and the derivatives, on the sample files and on generated documents. */
class AnalyseurPiecesTest {

    private static final TikaEngine TIKA = new TikaEngine();
    private final AnalyseurPieces analyseur = new AnalyseurPiecesTika(PiecesConfiguration.parDefaut(), TIKA);

    @TempDir
    Path dossier;

    @Test
    void aTextPdfGivesItsTypePagesTextLanguageAndMetadata() {
        Analyse analyse = analyseur.analyser(Echantillons.chemin("testPDF.pdf"), FormatPiece.PDF);
        assertEquals("application/pdf", analyse.typeMime());
        assertEquals(1, analyse.pages());
        assertTrue(analyse.texte().contains("Apache Tika"), analyse.texte());
        assertEquals("en", analyse.langue());
        assertEquals("Apache Tika - Apache Tika", analyse.metadonnees().get("dc:title"));
        assertNull(analyse.typeSuggere());
        assertFalse(analyse.nirDetecte());
    }

    @Test
    void anImageOnlyPdfHasNoTextAndNoGuess() {
        Analyse analyse = analyseur.analyser(Echantillons.chemin("testOCR.pdf"), FormatPiece.PDF);
        assertEquals(1, analyse.pages());
        assertTrue(analyse.texte() == null || analyse.texte().isBlank());
        assertNull(analyse.typeSuggere());
        assertNull(analyse.langue());
    }

    @Test
    void photoMetadataNeverCarriesTheLocation() throws Exception {
        Path geo = Echantillons.chemin("testJPEG_GEO.jpg");
        assertTrue(Arrays.stream(tika(geo).names()).anyMatch(n -> n.contains("GPS") || n.startsWith("geo:")),
                "the sample has a location");
        Analyse analyse = analyseur.analyser(geo, FormatPiece.JPEG);
        assertEquals("image/jpeg", analyse.typeMime());
        assertEquals(1, analyse.pages());
        assertFalse(analyse.metadonnees().isEmpty());
        assertTrue(analyse.metadonnees().keySet().stream().noneMatch(AnalyseurPiecesTest::localisation), analyse.metadonnees()::toString);
        assertTrue(analyse.metadonnees().values().stream().noneMatch(v -> v.contains("12.54") || v.contains("54.12")),
                analyse.metadonnees()::toString);
    }

    @Test
    void everySampleIsAnalysedWithoutError() {
        for (String[] echantillon : new String[][]{{"testPDF_acroform3.pdf", "PDF"}, {"testJPEG_EXIF.jpg", "JPEG"},
                {"testPNG.png", "PNG"}, {"testOCR.png", "PNG"}, {"testTIFF.tif", "TIFF"}, {"testHEIF.heic", "HEIC"}}) {
            FormatPiece format = FormatPiece.valueOf(echantillon[1]);
            Analyse analyse = analyseur.analyser(Echantillons.chemin(echantillon[0]), format);
            assertEquals(format == FormatPiece.HEIC ? "image/heic" : format.typeMime(), analyse.typeMime(), echantillon[0]);
            assertNotNull(analyse.metadonnees(), echantillon[0]);
        }
    }

    @Test
    void aPayslipWithANirIsFlaggedAndItsMaskedCopyNoLongerHoldsTheNumber() throws IOException {
        PiecesGenerees.Bulletin bulletin = PiecesGenerees.bulletinDePaie(dossier, PiecesGenerees.NIR);
        Analyse analyse = analyseur.analyser(bulletin.fichier(), FormatPiece.PDF);
        assertTrue(analyse.nirDetecte());
        assertEquals(TypePiece.BULLETIN_SALAIRE, analyse.typeSuggere());
        assertEquals("fr", analyse.langue());

        Path masque = analyseur.masquerNir(bulletin.fichier(), FormatPiece.PDF, dossier).orElseThrow();
        assertTrue(masque.startsWith(dossier));

        // no text at all any more, through Tika and through PDFBox
        Analyse apres = analyseur.analyser(masque, FormatPiece.PDF);
        assertFalse(apres.nirDetecte());
        String texteTika = apres.texte() == null ? "" : apres.texte();
        try (PDDocument document = Loader.loadPDF(masque.toFile())) {
            assertEquals(1, document.getNumberOfPages());
            String textePdfBox = new PDFTextStripper().getText(document);
            for (String texte : List.of(texteTika, textePdfBox)) {
                assertFalse(texte.contains("184127645108946"));
                assertFalse(texte.contains(PiecesGenerees.NIR));
                assertFalse(texte.contains("451 089"));
                assertFalse(texte.contains("451"));
            }
            // where the numbers were, the page is black; elsewhere it is still a readable page
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, MasquageNir.DPI);
            garder(page, "bulletin-masque.png");
            double echelle = MasquageNir.DPI / 72.0;
            for (Rectangle2D nir : bulletin.nirs()) {
                for (double x = nir.getMinX() + 1; x < nir.getMaxX() - 1; x += 2) {
                    for (double y : new double[]{nir.getMinY() + 1, nir.getCenterY(), nir.getMaxY() - 1}) {
                        assertTrue(noir(page, x * echelle, y * echelle), "black at " + x + "," + y);
                    }
                }
            }
            assertFalse(noir(page, 300 * echelle, 300 * echelle), "the blank part of the page stays white");
            assertTrue(sombres(page, 72 * echelle, (842 - 630 - 8) * echelle, 100 * echelle, 10 * echelle) > 20,
                    "the 'Net à payer' line is still printed");
        }
    }

    @Test
    void aNumberWithAWrongKeyIsNotANir() throws IOException {
        PiecesGenerees.Bulletin bulletin = PiecesGenerees.bulletinDePaie(dossier, "1 84 12 76 451 089 47");
        Analyse analyse = analyseur.analyser(bulletin.fichier(), FormatPiece.PDF);
        assertFalse(analyse.nirDetecte());
        assertEquals(TypePiece.BULLETIN_SALAIRE, analyse.typeSuggere());
        assertEquals(Optional.empty(), analyseur.masquerNir(bulletin.fichier(), FormatPiece.PDF, dossier));
    }

    @Test
    void aTaxNoticeGivesItsIncomeYearAndReferenceIncome() throws IOException {
        Analyse analyse = analyseur.analyser(PiecesGenerees.avisImposition(dossier), FormatPiece.PDF);
        assertEquals(TypePiece.AVIS_IMPOSITION, analyse.typeSuggere(), analyse.texte());
        assertEquals(2024, analyse.anneeRevenus());
        assertEquals(23_456L, analyse.revenuFiscalReference());
        assertEquals("fr", analyse.langue());
        assertFalse(analyse.nirDetecte());
    }

    @Test
    void theGeolocatedPhotoGetsAViewingCopyWithoutAnyMetadata() throws Exception {
        Path original = Echantillons.chemin("testJPEG_GEO.jpg");
        assertTrue(Arrays.stream(tika(original).names()).anyMatch(AnalyseurPiecesTest::localisation));

        Path apercu = analyseur.apercu(original, FormatPiece.JPEG, dossier).orElseThrow();
        assertTrue(apercu.getFileName().toString().endsWith(".jpg"));
        Metadata metadonnees = tika(apercu);
        assertEquals("image/jpeg", metadonnees.get(Metadata.CONTENT_TYPE));
        for (String nom : metadonnees.names()) {
            assertFalse(localisation(nom), nom);
            assertFalse(nom.startsWith("exif:") || nom.startsWith("Exif") || nom.startsWith("tiff:Make")
                    || nom.startsWith("tiff:Model") || nom.startsWith("xmp"), nom + " = " + metadonnees.get(nom));
        }
        BufferedImage image = ImageIO.read(apercu.toFile());
        assertEquals(100, image.getWidth());
        assertEquals(68, image.getHeight());
    }

    @Test
    void largePhotosAreDownscaledAndOtherFormatsReencoded(@TempDir Path sources) throws Exception {
        BufferedImage grande = new BufferedImage(3000, 1500, BufferedImage.TYPE_INT_RGB);
        Path jpeg = sources.resolve("grande.jpg");
        ImageIO.write(grande, "jpeg", jpeg.toFile());
        BufferedImage reduite = ImageIO.read(analyseur.apercu(jpeg, FormatPiece.JPEG, dossier).orElseThrow().toFile());
        assertEquals(2000, reduite.getWidth());
        assertEquals(1000, reduite.getHeight());

        BufferedImage transparente = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        Path png = sources.resolve("transparente.png");
        ImageIO.write(transparente, "png", png.toFile());
        Path apercuPng = analyseur.apercu(png, FormatPiece.PNG, dossier).orElseThrow();
        assertTrue(apercuPng.toString().endsWith(".png"), "transparency kept in a PNG");

        Path tiff = analyseur.apercu(Echantillons.chemin("testTIFF.tif"), FormatPiece.TIFF, dossier).orElseThrow();
        assertEquals("image/jpeg", TIKA.detecter(tiff).toString());
        assertEquals(Optional.empty(), analyseur.apercu(Echantillons.chemin("testPDF.pdf"), FormatPiece.PDF, dossier));
        assertEquals(Optional.empty(), analyseur.masquerNir(Echantillons.chemin("testJPEG_GEO.jpg"), FormatPiece.JPEG, dossier));
    }

    @Test
    void theHeicViewingCopyKeepsThePictureButNotItsExifNorXmp() throws Exception {
        Path original = Echantillons.chemin("testHEIF.heic");
        Metadata avant = tika(original);
        assertTrue(Arrays.stream(avant.names()).anyMatch(n -> n.startsWith("exif:") || n.startsWith("tiff:")),
                () -> "the sample has EXIF: " + Arrays.toString(avant.names()));

        Path apercu = analyseur.apercu(original, FormatPiece.HEIC, dossier).orElseThrow();
        assertEquals(Files.size(original), Files.size(apercu));
        assertEquals("image/heic", TIKA.detecter(apercu).toString());
        assertTrue(Heif.lisible(Files.readAllBytes(apercu)));
        Metadata apres = tika(apercu);
        for (String nom : apres.names()) {
            assertFalse(localisation(nom), nom);
            assertFalse(nom.startsWith("exif:") || nom.startsWith("tiff:Make") || nom.startsWith("tiff:Model")
                    || nom.startsWith("xmp"), nom + " = " + apres.get(nom));
        }
    }

    @Test
    void aThousandPagePdfIsAnalysedWithinItsBoundsAndNotMasked() throws IOException {
        Path geant = PiecesGenerees.pdfGeant(dossier, 3000);
        AnalyseurPieces borne = new AnalyseurPiecesTika(new PiecesConfiguration(PiecesConfiguration.TAILLE_MAX,
                PiecesConfiguration.PIXELS_MAX, 2000, 200, 20_000, java.time.Duration.ofSeconds(30), null, 3310,
                java.time.Duration.ofSeconds(1)), TIKA);
        Analyse analyse = borne.analyser(geant, FormatPiece.PDF);
        assertEquals(3000, analyse.pages());
        assertTrue(analyse.texte().length() <= 20_000, "text cut at the configured size");
        assertEquals(Optional.empty(), borne.masquerNir(geant, FormatPiece.PDF, dossier), "over 200 pages: no masked copy");

        AnalyseurPieces sansDelai = new AnalyseurPiecesTika(new PiecesConfiguration(PiecesConfiguration.TAILLE_MAX,
                PiecesConfiguration.PIXELS_MAX, 2000, 200, 20_000, java.time.Duration.ZERO, null, 3310,
                java.time.Duration.ofSeconds(1)), TIKA);
        Analyse interrompue = sansDelai.analyser(geant, FormatPiece.PDF);
        assertEquals("application/pdf", interrompue.typeMime(), "out of time: the parse stops, the analysis still answers");
        assertTrue(interrompue.texte() == null || interrompue.texte().length() < 200, interrompue::texte);
    }

    @Test
    void aDecompressionBombGetsNoViewingCopyAndAnAllowedLargeImageIsDecodedSmall() throws Exception {
        Path bombe = ControleurPiecesTest.bombePng(dossier.resolve("bombe.png"), 60_000, 60_000);
        assertEquals(Optional.empty(), analyseur.apercu(bombe, FormatPiece.PNG, dossier));
        assertEquals("image/png", analyseur.analyser(bombe, FormatPiece.PNG).typeMime());

        // 16000 × 16000 = 256 Mpx (a gigabyte as RGB): subsampled while decoding, never held whole
        Path grande = ControleurPiecesTest.bombePng(dossier.resolve("grande.png"), 16_000, 16_000);
        AnalyseurPieces permissif = new AnalyseurPiecesTika(PiecesConfiguration.parDefaut().avecPixelsMax(Long.MAX_VALUE), TIKA);
        BufferedImage apercu = ImageIO.read(permissif.apercu(grande, FormatPiece.PNG, dossier).orElseThrow().toFile());
        assertEquals(2000, apercu.getWidth());
    }

    @Test
    void photosAreTurnedUprightFromTheirExifOrientation() {
        // 3 × 2, red top-left corner: after "turn a quarter clockwise" (6) it is 2 × 3, red top-right
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, Color.RED.getRGB());
        BufferedImage droite = Apercus.redresser(image, 6);
        assertEquals(2, droite.getWidth());
        assertEquals(3, droite.getHeight());
        assertEquals(Color.RED.getRGB(), droite.getRGB(1, 0));
        BufferedImage gauche = Apercus.redresser(image, 8);
        assertEquals(Color.RED.getRGB(), gauche.getRGB(0, 2));
        BufferedImage retournee = Apercus.redresser(image, 3);
        assertEquals(Color.RED.getRGB(), retournee.getRGB(2, 1));
        assertEquals(Color.RED.getRGB(), Apercus.redresser(image, 2).getRGB(2, 0));
        assertEquals(Color.RED.getRGB(), Apercus.redresser(image, 5).getRGB(0, 0));
        assertEquals(Color.RED.getRGB(), Apercus.redresser(image, 7).getRGB(1, 2));
    }

    /** Keeps an image under target/pieces for a person to look at. */
    private static void garder(BufferedImage image, String nom) throws IOException {
        String cible = System.getProperty("sne.build.directory");
        if (cible != null) {
            Path dossierPreuves = Files.createDirectories(Path.of(cible, "pieces"));
            ImageIO.write(image, "png", dossierPreuves.resolve(nom).toFile());
        }
    }

    private static boolean localisation(String nom) {
        String n = nom.toLowerCase(Locale.ROOT);
        return n.contains("gps") || n.startsWith("geo:") || n.contains("latitude") || n.contains("longitude");
    }

    private static Metadata tika(Path fichier) throws Exception {
        Metadata metadata = new Metadata();
        try (TikaInputStream in = TikaInputStream.get(fichier)) {
            new AutoDetectParser().parse(in, new BodyContentHandler(-1), metadata, new ParseContext());
        }
        return metadata;
    }

    private static boolean noir(BufferedImage image, double x, double y) {
        Color c = new Color(image.getRGB((int) x, (int) y));
        return c.getRed() < 40 && c.getGreen() < 40 && c.getBlue() < 40;
    }

    private static int sombres(BufferedImage image, double x, double y, double l, double h) {
        int n = 0;
        for (int i = (int) x; i < x + l; i++) {
            for (int j = (int) y; j < y + h; j++) {
                if (noir(image, i, j)) {
                    n++;
                }
            }
        }
        return n;
    }
}
