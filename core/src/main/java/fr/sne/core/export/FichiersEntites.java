package fr.sne.core.export;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The export's files other than the applications' documents: one XML file per entity kind,
 * written to a temporary file batch after batch (the tar needs each entry's size before its
 * content, so they join the archive at the end). Namespace {@value #ESPACE}.
 */
final class FichiersEntites implements AutoCloseable {

    static final String ESPACE = "urn:sne:export:1.0";

    private record Fichier(Path chemin, Writer out, XMLStreamWriter w) {
    }

    private final Map<Entite, Fichier> fichiers = new EnumMap<>(Entite.class);

    FichiersEntites(Path dossier, List<Entite> entites, String territoire, Instant date) throws IOException, XMLStreamException {
        XMLOutputFactory sorties = XMLOutputFactory.newDefaultFactory();
        for (Entite e : entites) {
            if (e.fichier() == null) {
                continue;
            }
            Path chemin = dossier.resolve(e.fichier());
            // a Writer: the XML writer then hands over whole chunks (given an OutputStream it writes UTF-8
            // byte by byte, each through the buffered stream's lock)
            Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(chemin), StandardCharsets.UTF_8), 64 * 1024);
            XMLStreamWriter w = sorties.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement(e.racine());
            w.writeDefaultNamespace(ESPACE);
            w.writeAttribute("territoire", territoire);
            w.writeAttribute("dateExport", date.toString());
            if (e.sansDonnees()) {
                w.writeAttribute("donneesDisponibles", "false");
            }
            fichiers.put(e, new Fichier(chemin, out, w));
        }
    }

    void evenements(List<LectureExport.Evenement> evenements) throws XMLStreamException {
        XMLStreamWriter w = ecrivain(Entite.EVT);
        if (w == null) {
            return;
        }
        for (LectureExport.Evenement e : evenements) {
            w.writeCharacters("\n  ");
            w.writeStartElement("evenement");
            w.writeAttribute("id", Long.toString(e.id()));
            w.writeAttribute("numUnique", e.numero());
            texte(w, "code", e.code());
            texte(w, "origine", e.origine());
            texte(w, "dateSurvenance", e.dateSurvenance());
            texte(w, "guichet", e.guichet());
            texte(w, "commentaire", e.commentaire());
            w.writeEndElement();
        }
    }

    void priorites(List<LectureExport.Priorite> priorites) throws XMLStreamException {
        for (LectureExport.Priorite p : priorites) {
            XMLStreamWriter dalo = ecrivain(Entite.DALO);
            if (dalo != null) {
                ouvrir(dalo, "dalo", p.numero());
                texte(dalo, "statutDalo", p.statutDalo());
                texte(dalo, "dateDecisionDalo", p.dateDecisionDalo());
                texte(dalo, "dateFinDalo", p.dateFinDalo());
                dalo.writeEndElement();
            }
            XMLStreamWriter prio = ecrivain(Entite.PRIO);
            if (prio != null) {
                ouvrir(prio, "priorite", p.numero());
                liste(prio, "categoriePrioritaire", p.categories());
                liste(prio, "label", p.labels());
                prio.writeEndElement();
            }
            XMLStreamWriter cont = ecrivain(Entite.CONT);
            if (cont != null) {
                ouvrir(cont, "contingents", p.numero());
                liste(cont, "contingent", p.contingents());
                cont.writeEndElement();
            }
        }
    }

    void radiations(List<LectureExport.Radiation> radiations) throws XMLStreamException {
        XMLStreamWriter w = ecrivain(Entite.ATTRIB);
        if (w == null) {
            return;
        }
        for (LectureExport.Radiation r : radiations) {
            ouvrir(w, "radiation", r.numero());
            texte(w, "motif", r.motif());
            texte(w, "sousMotif", r.sousMotif());
            texte(w, "dateRadiation", r.dateRadiation());
            if ("RADATT".equals(r.motif())) {
                w.writeStartElement("attribution");
                texte(w, "dateSignatureBail", r.dateSignatureBail());
                texte(w, "rpls", r.rpls());
                texte(w, "logementAdresse", r.logementAdresse());
                texte(w, "logementType", r.logementType());
                texte(w, "logementSurface", r.logementSurface());
                texte(w, "logementLoyer", r.logementLoyer());
                texte(w, "contingent", r.contingent());
                texte(w, "reservataire", r.reservataire());
                texte(w, "dateCommission", r.dateCommission());
                w.writeEndElement();
            }
            w.writeEndElement();
        }
    }

    /** Supporting documents' descriptions; {@code sousDocuments} is written as its JSON text. */
    void pieces(List<LectureExport.Piece> pieces) throws XMLStreamException {
        XMLStreamWriter w = ecrivain(Entite.PJ);
        if (w == null) {
            return;
        }
        for (LectureExport.Piece p : pieces) {
            ouvrir(w, "piece", p.numero());
            w.writeAttribute("id", Long.toString(p.id()));
            texte(w, "nomFichier", p.nomFichier());
            texte(w, "typeMime", p.typeMime());
            texte(w, "taille", p.taille());
            texte(w, "pages", p.pages());
            texte(w, "categorie", p.categorie());
            texte(w, "type", p.type());
            texte(w, "finValidite", p.finValidite());
            texte(w, "deposant", p.deposant());
            texte(w, "deposeLe", p.deposeLe());
            texte(w, "indicePertinence", p.indicePertinence());
            texte(w, "nirDetecte", p.nirDetecte());
            texte(w, "sha256", p.sha256());
            if (p.sousDocuments() != null && !"[]".equals(p.sousDocuments())) {
                texte(w, "sousDocuments", p.sousDocuments());
            }
            texte(w, "fichier", "/api/v1.0/demandes/" + p.numero() + "/pieces/" + p.id() + "/fichier");
            w.writeEndElement();
        }
    }

    /** Ends every document; then their files (entity → path) may join the archive. */
    Map<Entite, Path> terminer() throws XMLStreamException, IOException {
        Map<Entite, Path> chemins = new EnumMap<>(Entite.class);
        for (Map.Entry<Entite, Fichier> f : fichiers.entrySet()) {
            XMLStreamWriter w = f.getValue().w();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
            f.getValue().out().close();
            chemins.put(f.getKey(), f.getValue().chemin());
        }
        fichiers.clear();
        return chemins;
    }

    @Override
    public void close() throws IOException {
        for (Fichier f : fichiers.values()) {
            f.out().close();
        }
    }

    private XMLStreamWriter ecrivain(Entite e) {
        Fichier f = fichiers.get(e);
        return f == null ? null : f.w();
    }

    private static void ouvrir(XMLStreamWriter w, String nom, String numero) throws XMLStreamException {
        w.writeCharacters("\n  ");
        w.writeStartElement(nom);
        w.writeAttribute("numUnique", numero);
    }

    private static void texte(XMLStreamWriter w, String nom, Object valeur) throws XMLStreamException {
        if (valeur == null) {
            return;
        }
        w.writeStartElement(nom);
        w.writeCharacters(propre(valeur instanceof LocalDate d ? d.toString() : valeur.toString()));
        w.writeEndElement();
    }

    private static void liste(XMLStreamWriter w, String nom, List<String> valeurs) throws XMLStreamException {
        for (String v : valeurs) {
            texte(w, nom, v);
        }
    }

    /** Drops the characters XML 1.0 cannot carry (a comment may hold control characters). */
    private static String propre(String valeur) {
        StringBuilder sb = new StringBuilder(valeur.length());
        valeur.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
