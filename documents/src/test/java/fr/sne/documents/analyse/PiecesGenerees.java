package fr.sne.documents.analyse;

import fr.sne.documents.pdf.RenduPdf;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Documents the tests build: a payslip with a NIR at a known place, a tax notice, a huge PDF. */
final class PiecesGenerees {

    static final String NIR = "1 84 12 76 451 089 46";
    static final float TAILLE = 11f;
    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final float GAUCHE = 72f;

    private PiecesGenerees() {
    }

    /** A payslip and, for each NIR line, where the number is (points, top-left origin). */
    record Bulletin(Path fichier, List<Rectangle2D> nirs) {
    }

    /** A one-page payslip (PDFBox, Helvetica) printing {@code nir} twice: spaced and compact. */
    static Bulletin bulletinDePaie(Path dossier, String nir) throws IOException {
        Path fichier = dossier.resolve("bulletin.pdf");
        String compact = nir.replace(" ", "");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float hauteur = page.getMediaBox().getHeight();
            try (PDPageContentStream contenu = new PDPageContentStream(document, page)) {
                ligne(contenu, 16, 780, "BULLETIN DE PAIE");
                ligne(contenu, TAILLE, 750, "Période : du 01/03/2025 au 31/03/2025");
                ligne(contenu, TAILLE, 730, "Employeur : Société Exemple SAS, 12 rue de la Paix, 75002 Paris");
                ligne(contenu, TAILLE, 710, "Salarié : Jean Martin, agent d'accueil");
                ligne(contenu, TAILLE, 690, "N° de sécurité sociale : " + nir);
                ligne(contenu, TAILLE, 670, "Salaire brut : 2 345,67 €");
                ligne(contenu, TAILLE, 650, "Cotisations salariales : 511,55 €");
                ligne(contenu, TAILLE, 630, "Net à payer : 1 834,12 €");
                ligne(contenu, TAILLE, 610, "Rappel immatriculation " + compact + " (caisse primaire)");
            }
            document.save(fichier.toFile());
            return new Bulletin(fichier, List.of(
                    zone("N° de sécurité sociale : ", nir, 690, hauteur),
                    zone("Rappel immatriculation ", compact, 610, hauteur)));
        }
    }

    private static void ligne(PDPageContentStream contenu, float taille, float y, String texte) throws IOException {
        contenu.beginText();
        contenu.setFont(HELVETICA, taille);
        contenu.newLineAtOffset(GAUCHE, y);
        contenu.showText(texte);
        contenu.endText();
    }

    private static Rectangle2D zone(String avant, String nir, float ligne, float hauteurPage) throws IOException {
        float x = GAUCHE + largeur(avant);
        float haut = hauteurPage - ligne - TAILLE * 0.72f; // Helvetica digits are ~0.72 em tall
        return new Rectangle2D.Float(x, haut, largeur(nir), TAILLE * 0.72f);
    }

    private static float largeur(String texte) throws IOException {
        return HELVETICA.getStringWidth(texte) / 1000f * TAILLE;
    }

    /** A tax notice rendered by the application's own PDF engine (Flying Saucer), amounts with no-break spaces. */
    static Path avisImposition(Path dossier) throws IOException {
        String xhtml = """
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="fr">
                <head><title>Avis d'impôt</title>
                <style>body { font-family: 'DejaVu Sans'; -fs-pdf-font-embed: embed; -fs-pdf-font-encoding: Identity-H; }</style></head>
                <body>
                <p>DIRECTION GÉNÉRALE DES FINANCES PUBLIQUES</p>
                <h1>Avis d'impôt 2025 sur les revenus 2024</h1>
                <p>Impôt sur le revenu — déclaration des revenus 2024</p>
                <table>
                <tr><td>Nombre de parts</td><td>2,5</td></tr>
                <tr><td>Revenu brut global</td><td>27&#160;810&#160;€</td></tr>
                <tr><td>Revenu fiscal de référence</td><td>23&#160;456&#160;€</td></tr>
                </table>
                <p>Vous pouvez consulter votre avis sur impots.gouv.fr. Ce document est à conserver.</p>
                </body></html>""";
        return Files.write(dossier.resolve("avis.pdf"), new RenduPdf().pdfA(xhtml));
    }

    /** A PDF of {@code pages} pages, one short line each, a NIR on the last one. */
    static Path pdfGeant(Path dossier, int pages) throws IOException {
        Path fichier = dossier.resolve("geant.pdf");
        try (PDDocument document = new PDDocument()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream contenu = new PDPageContentStream(document, page)) {
                    ligne(contenu, TAILLE, 700, i == pages ? "Numéro de sécurité sociale " + NIR : "Page " + i + " : annexe sans intérêt.");
                }
            }
            document.save(fichier.toFile());
        }
        return fichier;
    }
}
