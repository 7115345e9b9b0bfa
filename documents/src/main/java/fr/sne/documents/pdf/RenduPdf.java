package fr.sne.documents.pdf;

import jakarta.inject.Singleton;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders an XHTML document (produced from a template of frontend-templates) into a PDF/A-1b
 * file: PDF 1.4, embedded TrueType fonts, sRGB output intent, XMP metadata. Attestations and
 * the other archived documents go through here.
 */
@Singleton
public class RenduPdf {

    /** The fonts shipped by frontend-templates under {@code pdf/fonts/}. */
    static final List<String> POLICES = List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf");

    /**
     * A font parsed once from its bytes, shared by every rendering. Given a file, Flying Saucer
     * parses the font again for each document and subsets it reading the file a few bytes at a
     * time: a third of an attestation's time (issue #11). A font read from memory is only read.
     */
    private record Police(Path fichier, BaseFont fonte) {
    }

    private final List<Police> polices;

    public RenduPdf() {
        this.polices = POLICES.stream().map(RenduPdf::charger).toList();
    }

    /** The PDF/A-1b bytes of a well-formed XHTML document (its {@code <title>} becomes the document's title). */
    public byte[] pdfA(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ITextRenderer renderer = new ITextRenderer();
            for (Police police : polices) {
                // the file only serves to read the font's weight and style (its OS/2 table)
                renderer.getFontResolver().addFont(police.fonte(), police.fichier().toString(), null);
            }
            renderer.setPDFVersion(PdfWriter.VERSION_1_4);
            // PDF/A-1 forbids cross-reference and object streams
            renderer.setCompressionEnabled(false);
            renderer.setPDFXConformance(PdfWriter.PDFA1B);
            renderer.setListener(new ConformitePdfA());
            renderer.setDocumentFromString(xhtml);
            renderer.layout();
            renderer.createPDF(out, true);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.openpdf.text.DocumentException e) {
            throw new IllegalStateException("Le document PDF n'a pas pu être produit", e);
        }
    }

    /** What PDF/A-1b asks of the writer beyond the renderer's settings. */
    private static final class ConformitePdfA extends DefaultPDFCreationListener {

        @Override
        public void preWrite(ITextRenderer renderer, int pageCount) {
            try {
                renderer.getWriter().setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onClose(ITextRenderer renderer) {
            renderer.getWriter().createXmpMetadata();
        }
    }

    /**
     * A font of the classpath, parsed from its bytes (embedded, Identity-H), and copied once to a
     * temporary file where Flying Saucer reads its weight and style.
     */
    private static Police charger(String nom) {
        try (InputStream in = RenduPdf.class.getResourceAsStream("/pdf/fonts/" + nom)) {
            if (in == null) {
                throw new IllegalStateException("Police absente du classpath : pdf/fonts/" + nom);
            }
            byte[] octets = in.readAllBytes();
            Path fichier = Files.createTempFile("sne-police-", "-" + nom);
            fichier.toFile().deleteOnExit();
            Files.write(fichier, octets);
            return new Police(fichier, BaseFont.createFont(nom, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, octets, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.openpdf.text.DocumentException e) {
            throw new IllegalStateException("Police illisible : " + nom, e);
        }
    }
}
