package fr.sne.documents.analyse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PDF whose pages are images rendered from the original with every NIR painted over in black:
 * the masked file holds no text at all, so the number cannot be copied, searched or un-hidden.
 * NIRs are located with PDFBox text positions; a NIR Tika saw but PDFBox cannot place (in an
 * image, an odd encoding) means no masked copy rather than a copy that still shows it.
 */
final class MasquageNir {

    static final float DPI = 150f;
    private static final float ECHELLE = DPI / 72f;
    /** Margin around the glyphs, in points: covers anti-aliasing and approximate glyph boxes. */
    private static final float MARGE = 2f;

    private MasquageNir() {
    }

    /** The masked copy, or empty when there is no NIR to place or the document is too long. */
    static Optional<Path> masquer(Path pdf, Path sortie, int pagesMax) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            if (document.getNumberOfPages() > pagesMax) {
                return Optional.empty();
            }
            aplatirFormulaire(document);
            Map<Integer, List<Rectangle2D>> zones = localiser(document);
            if (zones.isEmpty()) {
                return Optional.empty();
            }
            PDFRenderer rendu = new PDFRenderer(document);
            try (PDDocument masque = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
                for (int i = 0; i < document.getNumberOfPages(); i++) {
                    BufferedImage image = rendu.renderImageWithDPI(i, DPI, ImageType.RGB);
                    noircir(image, zones.getOrDefault(i, List.of()));
                    ajouterPage(masque, image);
                }
                masque.save(sortie.toFile());
            }
            return Optional.of(sortie);
        }
    }

    /** Field values are drawn by appearance streams: flattened, they become page text we can locate. */
    private static void aplatirFormulaire(PDDocument document) {
        PDAcroForm formulaire = document.getDocumentCatalog().getAcroForm(null);
        if (formulaire != null) {
            try {
                formulaire.refreshAppearances();
                formulaire.flatten();
            } catch (IOException | RuntimeException e) {
                // unflattened fields: a NIR there is not placed, so no masked copy is produced
            }
        }
    }

    /** For each page index, the rectangles (points, top-left origin, page as displayed) of its NIRs. */
    static Map<Integer, List<Rectangle2D>> localiser(PDDocument document) throws IOException {
        Localisateur localisateur = new Localisateur();
        localisateur.setSortByPosition(true);
        localisateur.writeText(document, Writer.nullWriter());
        return localisateur.zones;
    }

    private static void noircir(BufferedImage image, List<Rectangle2D> zones) {
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            for (Rectangle2D z : zones) {
                g.fill(new Rectangle2D.Double(z.getX() * ECHELLE, z.getY() * ECHELLE,
                        z.getWidth() * ECHELLE, z.getHeight() * ECHELLE));
            }
        } finally {
            g.dispose();
        }
    }

    private static void ajouterPage(PDDocument masque, BufferedImage image) throws IOException {
        PDRectangle taille = new PDRectangle(image.getWidth() / ECHELLE, image.getHeight() / ECHELLE);
        PDPage page = new PDPage(taille);
        masque.addPage(page);
        PDImageXObject xobject = JPEGFactory.createFromImage(masque, image, 0.85f);
        try (PDPageContentStream contenu = new PDPageContentStream(masque, page)) {
            contenu.drawImage(xobject, 0, 0, taille.getWidth(), taille.getHeight());
        }
    }

    /** Rebuilds each page's text with the position of every character, then finds the NIRs in it. */
    private static final class Localisateur extends PDFTextStripper {

        private final Map<Integer, List<Rectangle2D>> zones = new HashMap<>();
        private final StringBuilder texte = new StringBuilder();
        private final List<TextPosition> positions = new ArrayList<>();

        Localisateur() {
            super();
        }

        @Override
        protected void startPage(PDPage page) {
            texte.setLength(0);
            positions.clear();
        }

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) {
            for (TextPosition position : textPositions) {
                String unicode = position.getUnicode();
                if (unicode == null) {
                    continue;
                }
                for (int i = 0; i < unicode.length(); i++) {
                    char c = unicode.charAt(i);
                    if (Character.isWhitespace(c) || c == '\u00A0') {
                        separer(' ');
                    } else {
                        texte.append(c);
                        positions.add(position);
                    }
                }
            }
        }

        @Override
        protected void writeWordSeparator() {
            separer(' ');
        }

        @Override
        protected void writeLineSeparator() {
            separer('\n');
        }

        /** One separator at most between two characters, so "1 84 12 ..." reads as printed. */
        private void separer(char c) {
            if (texte.isEmpty()) {
                return;
            }
            int dernier = texte.length() - 1;
            if (texte.charAt(dernier) == ' ' || texte.charAt(dernier) == '\n') {
                if (c == '\n') {
                    texte.setCharAt(dernier, '\n');
                }
                return;
            }
            texte.append(c);
            positions.add(null);
        }

        @Override
        protected void endPage(PDPage page) {
            List<Rectangle2D> rectangles = new ArrayList<>();
            for (Nir.Occurrence occurrence : Nir.trouver(texte)) {
                Rectangle2D zone = null;
                for (int i = occurrence.debut(); i < occurrence.fin(); i++) {
                    TextPosition p = positions.get(i);
                    if (p != null) {
                        Rectangle2D glyphe = boite(p);
                        zone = zone == null ? glyphe : zone.createUnion(glyphe);
                    }
                }
                if (zone != null) {
                    rectangles.add(zone);
                }
            }
            if (!rectangles.isEmpty()) {
                zones.put(getCurrentPageNo() - 1, rectangles);
            }
        }

        /**
         * A generous box around a glyph, as displayed: its em box (from below the baseline to above
         * the cap height) through the text rendering matrix, which PDFBox gives relative to the crop
         * box with y up, then turned like the renderer turns the page.
         */
        private Rectangle2D boite(TextPosition p) {
            Matrix matrice = p.getTextMatrix();
            float taille = Math.max(p.getFontSizeInPt(), 1f);
            float largeurEm = Math.max(p.getWidthDirAdj() / taille, 0.5f);
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (float u : new float[]{0, largeurEm}) {
                for (float v : new float[]{-0.3f, 1f}) {
                    Point2D.Float coin = matrice.transformPoint(u, v);
                    Point2D affiche = affiche(coin.x, coin.y, p.getPageWidth(), p.getPageHeight(), p.getRotation());
                    minX = Math.min(minX, affiche.getX());
                    minY = Math.min(minY, affiche.getY());
                    maxX = Math.max(maxX, affiche.getX());
                    maxY = Math.max(maxY, affiche.getY());
                }
            }
            return new Rectangle2D.Double(minX - MARGE, minY - MARGE, maxX - minX + 2 * MARGE, maxY - minY + 2 * MARGE);
        }

        /** Crop-box point (y up) to the rendered page (top-left origin), for each page rotation. */
        private static Point2D affiche(double x, double y, float largeur, float hauteur, int rotation) {
            return switch (((rotation % 360) + 360) % 360) {
                case 90 -> new Point2D.Double(y, x);
                case 180 -> new Point2D.Double(largeur - x, y);
                case 270 -> new Point2D.Double(hauteur - y, largeur - x);
                default -> new Point2D.Double(x, hauteur - y);
            };
        }
    }
}
