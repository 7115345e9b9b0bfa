package fr.sne.bench.analyse;

import fr.sne.documents.analyse.AnalyseurPieces;
import fr.sne.documents.analyse.AnalyseurPiecesTika;
import fr.sne.documents.analyse.FormatPiece;
import fr.sne.documents.analyse.PiecesConfiguration;
import fr.sne.documents.analyse.TikaEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Issue #11, scenario 6: the product's analysis of PDFs (Tika text and metadata, type, NIR...)
 * in MB/s, against {@code pdftotext} (poppler-utils) on the same files in the same run. pdftotext
 * runs once per file as a process, as a shell script would use it; its start-up is part of its figure.
 */
public final class MesureAnalyse {

    /** One set of files: bytes, product and baseline throughput (MB/s; baseline null when absent). */
    public record Resultat(String jeu, int fichiers, long octets, double produit, Double reference) {
        public Double ratio() {
            return reference == null ? null : produit / reference;
        }
    }

    private final AnalyseurPieces analyseur = new AnalyseurPiecesTika(PiecesConfiguration.parDefaut(), new TikaEngine());

    public List<Resultat> mesurer(Map<String, List<Path>> jeux, int tours, PrintStream sortie) {
        boolean pdftotext = pdftotextPresent();
        if (!pdftotext) {
            sortie.println("Scénario 6 : pdftotext absent (paquet Debian poppler-utils) : la référence n'est pas mesurée.");
        }
        List<Resultat> resultats = new ArrayList<>();
        for (Map.Entry<String, List<Path>> jeu : jeux.entrySet()) {
            List<Path> fichiers = jeu.getValue();
            long octets = fichiers.stream().mapToLong(MesureAnalyse::taille).sum();
            tour(fichiers, false); // warm-up: Tika's first parse loads its parsers
            double produit = debit(octets, tours, () -> tour(fichiers, false));
            Double reference = null;
            if (pdftotext) {
                tour(fichiers, true);
                reference = debit(octets, tours, () -> tour(fichiers, true));
            }
            resultats.add(new Resultat(jeu.getKey(), fichiers.size(), octets, produit, reference));
        }
        imprimer(resultats, tours, sortie);
        return resultats;
    }

    private void tour(List<Path> fichiers, boolean pdftotext) {
        for (Path fichier : fichiers) {
            if (pdftotext) {
                pdftotext(fichier);
            } else {
                analyseur.analyser(fichier, FormatPiece.PDF);
            }
        }
    }

    private static double debit(long octets, int tours, Runnable tour) {
        long debut = System.nanoTime();
        for (int i = 0; i < tours; i++) {
            tour.run();
        }
        double secondes = (System.nanoTime() - debut) / 1e9;
        return octets * (double) tours / (1024 * 1024) / secondes;
    }

    private static void imprimer(List<Resultat> resultats, int tours, PrintStream sortie) {
        sortie.printf("%nScénario 6 — analyse de PDF (%d tours, %d cœurs, Java %s)%n%n", tours,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        sortie.println("| jeu | fichiers | Ko | produit (Mo/s) | pdftotext (Mo/s) | ratio produit/pdftotext |");
        sortie.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (Resultat r : resultats) {
            sortie.printf("| %s | %d | %d | %.2f | %s | %s |%n", r.jeu(), r.fichiers(), r.octets() / 1024, r.produit(),
                    r.reference() == null ? "non mesuré" : String.format("%.2f", r.reference()),
                    r.ratio() == null ? "—" : String.format("%.2f", r.ratio()));
        }
    }

    static boolean pdftotextPresent() {
        try {
            Process p = new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pdftotext(Path fichier) {
        try {
            Process p = new ProcessBuilder("pdftotext", "-q", fichier.toString(), "-")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long taille(Path fichier) {
        try {
            return Files.size(fichier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text PDF of {@code pages} pages of French prose (deterministic): where throughput, not start-up, dominates. */
    public static Path pdfTexte(Path dossier, int pages) throws IOException {
        String[] mots = ("le la les de des demandeur logement social ressources revenu fiscal référence loyer commune "
                + "attribution guichet pièce justificative avis impôt bulletin salaire net payer ménage enfants").split(" ");
        Random hasard = new Random(6);
        Path fichier = dossier.resolve("texte-" + pages + "-pages.pdf");
        PDType1Font police = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream contenu = new PDPageContentStream(document, page)) {
                    contenu.beginText();
                    contenu.setFont(police, 10);
                    contenu.setLeading(13);
                    contenu.newLineAtOffset(50, 800);
                    for (int ligne = 0; ligne < 58; ligne++) {
                        StringBuilder s = new StringBuilder();
                        while (s.length() < 95) {
                            s.append(mots[hasard.nextInt(mots.length)]).append(' ');
                        }
                        contenu.showText(s.toString());
                        contenu.newLine();
                    }
                    contenu.endText();
                }
            }
            document.save(fichier.toFile());
        }
        return fichier;
    }

    /**
     * {@code java ... fr.sne.bench.analyse.MesureAnalyse <folder of PDFs> [rounds]}: the folder's
     * PDFs, then a generated 100-page text PDF.
     */
    public static void main(String[] args) throws IOException {
        Path dossier = Path.of(args.length > 0 ? args[0] : "documents/src/test/resources/echantillons");
        int tours = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path temporaire = Files.createTempDirectory("sne-bench-analyse");
        Map<String, List<Path>> jeux = new LinkedHashMap<>();
        jeux.put("échantillons " + dossier.getFileName(), echantillons(dossier));
        jeux.put("PDF texte généré, 100 pages", List.of(pdfTexte(temporaire, 100)));
        new MesureAnalyse().mesurer(jeux, tours, System.out);
    }

    /** The PDFs of a folder that open without a password (both tools would only fail on the others). */
    public static List<Path> echantillons(Path dossier) throws IOException {
        try (var fichiers = Files.list(dossier)) {
            return fichiers.filter(f -> f.getFileName().toString().endsWith(".pdf"))
                    .filter(f -> !f.getFileName().toString().contains("Password"))
                    .sorted().toList();
        }
    }
}
