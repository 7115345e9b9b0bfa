package fr.sne.documents.analyse;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.util.Set;

/**
 * Collects the text Tika emits, up to a number of characters and a deadline: past either, it
 * stops the parse (a thousand-page PDF does not keep a worker busy) and keeps what it has.
 */
final class TexteBorne extends DefaultHandler {

    /** Thrown to stop the parser; the text gathered so far stays valid. */
    static final class Arret extends SAXException {
        Arret(String raison) {
            super(raison);
        }
    }

    private static final Set<String> BLOCS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th");

    private final StringBuilder texte = new StringBuilder();
    private final int caracteresMax;
    private final long echeanceNanos;
    private boolean tronque;

    TexteBorne(int caracteresMax, long dureeMaxNanos) {
        this.caracteresMax = caracteresMax;
        this.echeanceNanos = System.nanoTime() + dureeMaxNanos;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        verifierEcheance();
        int place = caracteresMax - texte.length();
        texte.append(ch, start, Math.min(place, length));
        if (length > place) {
            arreter("limite de caractères atteinte");
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        verifierEcheance();
        if (BLOCS.contains(localName) && !texte.isEmpty() && texte.charAt(texte.length() - 1) != '\n') {
            texte.append('\n');
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        startElement(uri, localName, qName, null);
    }

    private void verifierEcheance() throws SAXException {
        if (System.nanoTime() - echeanceNanos > 0) {
            arreter("durée maximale atteinte");
        }
    }

    private void arreter(String raison) throws Arret {
        tronque = true;
        throw new Arret(raison);
    }

    boolean tronque() {
        return tronque;
    }

    String texte() {
        return texte.toString().strip();
    }
}
