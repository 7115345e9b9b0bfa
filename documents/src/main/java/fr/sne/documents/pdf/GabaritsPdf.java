package fr.sne.documents.pdf;

import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * PDF documents from the XHTML templates of frontend-templates ({@code pdf/<name>.xhtml}):
 * Thymeleaf in XML mode (so the output is always well-formed, as Flying Saucer requires), then
 * {@link RenduPdf} for PDF/A-1b.
 */
@Singleton
public class GabaritsPdf {

    private final TemplateEngine moteur;
    private final RenduPdf rendu;

    public GabaritsPdf(RenduPdf rendu) {
        this.rendu = rendu;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(GabaritsPdf.class.getClassLoader());
        resolver.setPrefix("pdf/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        this.moteur = new TemplateEngine();
        this.moteur.setTemplateResolver(resolver);
    }

    /** The XHTML a template produces with these variables. */
    public String xhtml(String gabarit, Map<String, ?> variables) {
        Context contexte = new Context(Locale.FRANCE);
        variables.forEach(contexte::setVariable);
        return moteur.process(gabarit, contexte);
    }

    /** The PDF/A-1b bytes of a template rendered with these variables. */
    public byte[] pdfA(String gabarit, Map<String, ?> variables) {
        return rendu.pdfA(xhtml(gabarit, variables));
    }
}
