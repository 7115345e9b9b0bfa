package fr.sne.documents.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PDF/A-1b produced from XHTML, checked by veraPDF, text read back by PDFBox. */
class RenduPdfTest {

    private static final String XHTML = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="fr">
            <head><title>Attestation d'enregistrement</title>
            <style>body { font-family: 'DejaVu Sans'; -fs-pdf-font-embed: embed; -fs-pdf-font-encoding: Identity-H; }
            h1 { font-weight: bold; }</style></head>
            <body>
            <h1>Attestation d'enregistrement</h1>
            <p>Numéro unique : 038112500012338001 — déposée le 3 novembre 2025.</p>
            <p>Demandeur : Élodie Lefèvre-Nguyễn, née à Saint-Égrève ; « guillemets » et œ.</p>
            </body></html>""";

    @Test
    void theAttestationIsAValidPdfaWithItsText() throws Exception {
        byte[] pdf = new RenduPdf().pdfA(XHTML);

        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_1_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_1_B, false)) {
            ValidationResult result = validator.validate(parser);
            assertTrue(result.isCompliant(), () -> "veraPDF: " + result.getTestAssertions());
        }

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("038112500012338001"), text);
            assertTrue(text.contains("déposée le 3 novembre 2025"), text);
            assertTrue(text.contains("Élodie Lefèvre-Nguyễn, née à Saint-Égrève"), text);
            assertEquals("Attestation d'enregistrement", document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void concurrentRenderingsShareTheFontsAndEachGetsItsOwnText() throws Exception {
        RenduPdf rendu = new RenduPdf();
        java.util.List<java.util.concurrent.Future<byte[]>> pdfs = new java.util.ArrayList<>();
        try (var fils = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 12; i++) {
                String numero = "0381125%06d38001".formatted(i);
                pdfs.add(fils.submit(() -> rendu.pdfA(XHTML.replace("038112500012338001", numero))));
            }
        }
        for (int i = 0; i < pdfs.size(); i++) {
            try (PDDocument document = Loader.loadPDF(pdfs.get(i).get())) {
                String text = new PDFTextStripper().getText(document);
                assertTrue(text.contains("0381125%06d38001".formatted(i)), text);
                assertTrue(text.contains("Élodie Lefèvre-Nguyễn"), text);
            }
        }
    }
}
