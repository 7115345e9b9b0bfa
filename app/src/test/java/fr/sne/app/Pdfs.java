package fr.sne.app;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** PDF checks for tests: PDF/A-1b by veraPDF, text and page count by PDFBox, page images to look at. */
final class Pdfs {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private Pdfs() {
    }

    static void assertPdfA(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_1_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_1_B, false)) {
            ValidationResult result = validator.validate(parser);
            assertTrue(result.isCompliant(), () -> "veraPDF: " + result.getTestAssertions());
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the document", e);
        }
    }

    /** The text of every page, every run of spaces and line breaks as one space, apostrophes straight. */
    static String texte(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // reading order as laid out (bold runs inside a paragraph are written apart in the content stream)
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replace('’', '\'').replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String titre(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getDocumentInformation().getTitle();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the PDF and its pages as PNG images under target/attestations, for a person to look at. */
    static void enregistrer(byte[] pdf, String nom) {
        try {
            Path dossier = Path.of(System.getProperty("sne.build.directory", "target"), "attestations");
            Files.createDirectories(dossier);
            Files.write(dossier.resolve(nom + ".pdf"), pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDFRenderer renderer = new PDFRenderer(document);
                for (int i = 0; i < document.getNumberOfPages(); i++) {
                    ImageIO.write(renderer.renderImageWithDPI(i, 90), "png", dossier.resolve(nom + "-" + (i + 1) + ".png").toFile());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A date as the attestations write it: "1er janvier 2026", "3 novembre 2025". */
    static String date(LocalDate date) {
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " "
                + DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH).format(date);
    }

    /** Random lower-case letters (names must be letters), so that each test's applicant is a new person. */
    static String lettres(int n) {
        StringBuilder b = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    /** The unique number in groups, as printed ("038 1125 000123 38001"). */
    static String numeroLisible(String numero) {
        return numero.substring(0, 3) + " " + numero.substring(3, 7) + " " + numero.substring(7, 13) + " " + numero.substring(13);
    }
}
