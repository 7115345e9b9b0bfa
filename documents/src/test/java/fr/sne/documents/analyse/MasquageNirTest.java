package fr.sne.documents.analyse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every printed pixel of a NIR ends up black, whatever the page rotation and crop box. */
class MasquageNirTest {

    @TempDir
    Path dossier;

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void theNumberIsCoveredOnRotatedAndCroppedPages(int rotation) throws IOException {
        verifierCouvert(pdf(rotation, null), rotation);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90})
    void theNumberIsCoveredWhenPrintedVertically(int rotation) throws IOException {
        verifierCouvert(pdf(rotation, Matrix.getRotateInstance(Math.PI / 2, 300, 150)), rotation);
    }

    private Path pdf(int rotation, Matrix matriceTexte) throws IOException {
        Path pdf = dossier.resolve("tourne-" + rotation + (matriceTexte == null ? "" : "-vertical") + ".pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setCropBox(new PDRectangle(20, 30, 540, 760));
            page.setRotation(rotation);
            document.addPage(page);
            try (PDPageContentStream contenu = new PDPageContentStream(document, page)) {
                contenu.beginText();
                contenu.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 14);
                if (matriceTexte == null) {
                    contenu.newLineAtOffset(90, 500);
                } else {
                    contenu.setTextMatrix(matriceTexte);
                }
                contenu.showText(PiecesGenerees.NIR);
                contenu.endText();
            }
            document.save(pdf.toFile());
        }
        return pdf;
    }

    private void verifierCouvert(Path pdf, int rotation) throws IOException {
        Path masque = MasquageNir.masquer(pdf, dossier.resolve("masque-" + pdf.getFileName()), 10).orElseThrow();

        BufferedImage avant;
        BufferedImage apres;
        try (PDDocument original = Loader.loadPDF(pdf.toFile()); PDDocument masqueLu = Loader.loadPDF(masque.toFile())) {
            avant = new PDFRenderer(original).renderImageWithDPI(0, MasquageNir.DPI);
            apres = new PDFRenderer(masqueLu).renderImageWithDPI(0, MasquageNir.DPI);
        }
        assertEquals(avant.getWidth(), apres.getWidth(), 2);
        assertEquals(avant.getHeight(), apres.getHeight(), 2);
        int encre = 0;
        int noirs = 0;
        for (int x = 0; x < Math.min(avant.getWidth(), apres.getWidth()); x++) {
            for (int y = 0; y < Math.min(avant.getHeight(), apres.getHeight()); y++) {
                if (luminance(avant.getRGB(x, y)) < 160) {
                    encre++;
                    assertTrue(luminance(apres.getRGB(x, y)) < 60, "ink of the number still visible at " + x + "," + y);
                }
                if (luminance(apres.getRGB(x, y)) < 60) {
                    noirs++;
                }
            }
        }
        assertTrue(encre > 500, "the number was printed");
        assertTrue(noirs < avant.getWidth() * avant.getHeight() / 50, "only the number is blacked out");
    }

    private static int luminance(int rgb) {
        Color c = new Color(rgb);
        return (c.getRed() * 3 + c.getGreen() * 6 + c.getBlue()) / 10;
    }
}
