package fr.sne.community.info;

import jakarta.inject.Singleton;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The RSS 2.0 feed of the public news. Written with a streaming XML writer: every title and
 * summary is escaped by construction, whatever an author typed.
 */
@Singleton
class FluxActualites {

    static final String NS_ATOM = "http://www.w3.org/2005/Atom";

    private final XMLOutputFactory sortie = XMLOutputFactory.newFactory();

    /**
     * @param base the site's public address, e.g. {@code https://sne.example.fr}, without the final slash
     */
    String rss(List<Article> actualites, String base, Instant maintenant) {
        StringWriter texte = new StringWriter();
        try {
            XMLStreamWriter xml = sortie.createXMLStreamWriter(texte);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", NS_ATOM);
            xml.writeStartElement("channel");
            element(xml, "title", "Actualités du SNE");
            element(xml, "link", base + Rubrique.ACTUALITES.chemin());
            element(xml, "description", "Actualités, maintenances programmées, incidents et notes de version du Système national "
                    + "d’enregistrement des demandes de logement social.");
            element(xml, "language", "fr-FR");
            Instant derniere = actualites.isEmpty() ? maintenant : actualites.getFirst().publicationLe();
            element(xml, "lastBuildDate", rfc822(derniere));
            xml.writeEmptyElement("atom", "link", NS_ATOM);
            xml.writeAttribute("href", base + Rubrique.ACTUALITES.chemin() + "/flux.xml");
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (Article a : actualites) {
                xml.writeStartElement("item");
                element(xml, "title", a.titre());
                element(xml, "link", base + a.url());
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "true");
                xml.writeCharacters(nettoyer(base + a.url()));
                xml.writeEndElement();
                element(xml, "pubDate", rfc822(a.publicationLe()));
                element(xml, "category", a.type().libelle());
                for (Theme t : a.themes()) {
                    element(xml, "category", t.libelle());
                }
                element(xml, "description", resume(a));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return texte.toString();
    }

    /** The summary as plain text (escaped by the writer), or the title when there is none. */
    private static String resume(Article a) {
        return a.resume() != null && !a.resume().isBlank() ? a.resume() : a.titre();
    }

    private static void element(XMLStreamWriter xml, String nom, String valeur) throws XMLStreamException {
        xml.writeStartElement(nom);
        xml.writeCharacters(nettoyer(valeur));
        xml.writeEndElement();
    }

    /** Characters XML 1.0 cannot carry at all (control characters) are dropped. */
    static String nettoyer(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
