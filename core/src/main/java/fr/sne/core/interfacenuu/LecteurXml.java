package fr.sne.core.interfacenuu;

import fr.sne.tenants.web.Probleme;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.ValidatorHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an interfaceNuu document from an untrusted caller: bounded size, no DOCTYPE (so no
 * entity of any kind is ever declared, resolved or expanded), nothing fetched from outside,
 * root, namespace and version checked first, then the schema, every anomaly naming its element
 * by path. One streaming pass builds the tree only when all of this holds.
 */
@Singleton
class LecteurXml {

    private static final Logger LOG = LoggerFactory.getLogger(LecteurXml.class);

    static final Set<String> VERSIONS = Set.of("02.00", "02.01");
    private static final String RACINE = "interfaceNuu";
    private static final int ANOMALIES_MAX = 50;
    private static final Pattern CITE = Pattern.compile("'([A-Za-z_][A-Za-z0-9_.:-]*)'");
    private static final int PROFONDEUR_MAX = 32;
    private static final String DETAIL_SCHEMA = "Le document ne respecte pas le schéma interfaceNuu 02.01 "
            + "(/api/v1.0/schemas/interfaceNuu-02.01.xsd) : voir « anomalies ».";

    private final SchemaNuu schema;
    private final long tailleMax;
    private final SAXParserFactory parseurs;

    LecteurXml(SchemaNuu schema, @Value("${sne.interface-nuu.taille-max:1MB}") @ReadableBytes long tailleMax) {
        this.schema = schema;
        this.tailleMax = tailleMax;
        try {
            // the JDK's own parser, whatever else the classpath carries
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            this.parseurs = f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Analyseur XML sécurisé indisponible", e);
        }
    }

    /**
     * The document's root, schema-valid; otherwise {@link XmlRefuse} (413 when too large, 400
     * else). A body announced larger than the limit is not read; a body streamed without a length
     * is read up to the limit. The stream is closed either way, so that the server discards
     * whatever the caller still sends instead of waiting for it to be read.
     */
    ElementXml lire(InputStream corps, long longueurAnnoncee) {
        byte[] octets;
        try {
            if (longueurAnnoncee > tailleMax) {
                throw trop();
            }
            octets = corps == null ? new byte[0] : corps.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, tailleMax + 1));
        } catch (IOException e) {
            throw XmlRefuse.invalide("Le document XML n'a pas pu être lu.", "XML_ILLISIBLE", "/",
                    "Le corps de la requête n'a pas pu être lu en entier.");
        } finally {
            fermer(corps);
        }
        if (octets.length > tailleMax) {
            throw trop();
        }
        if (octets.length == 0) {
            throw XmlRefuse.invalide("Le corps de la requête est vide.", "XML_VIDE", "/",
                    "Envoyez un document interfaceNuu (versionInterface 02.00 ou 02.01).");
        }
        return lire(octets);
    }

    private static void fermer(InputStream corps) {
        if (corps == null) {
            return;
        }
        try {
            corps.close();
        } catch (IOException e) {
            // nothing more is read from it anyway
        }
    }

    private XmlRefuse trop() {
        long kio = tailleMax / 1024;
        return new XmlRefuse(413, "Le document interfaceNuu dépasse la taille autorisée (" + kio
                + " Kio) : envoyez une seule demande par document.", List.of());
    }

    ElementXml lire(byte[] octets) {
        Parcours parcours = new Parcours(schema.schema().newValidatorHandler());
        try {
            XMLReader lecteur = parseurs.newSAXParser().getXMLReader();
            lecteur.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            lecteur.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            lecteur.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(PROFONDEUR_MAX));
            lecteur.setProperty("http://apache.org/xml/properties/locale", Locale.FRENCH);
            lecteur.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("Entité externe refusée");
            });
            lecteur.setContentHandler(parcours);
            lecteur.setErrorHandler(parcours);
            lecteur.parse(new InputSource(new ByteArrayInputStream(octets)));
        } catch (Arret a) {
            throw a.refus;
        } catch (SAXParseException e) {
            throw parcours.malForme(e);
        } catch (SAXException e) {
            if (e.getException() instanceof XmlRefuse r) {
                throw r;
            }
            throw parcours.malForme(new SAXParseException(e.getMessage(), parcours.locator));
        } catch (IOException | ParserConfigurationException | RuntimeException e) {
            // never a 500 for what a caller sent; logged in case it is ours
            LOG.warn("Analyse d'un document interfaceNuu interrompue", e);
            throw XmlRefuse.invalide("Le document XML n'a pas pu être lu.", "XML_ILLISIBLE", "/",
                    "Le document n'a pas pu être analysé.");
        }
        if (!parcours.anomalies.isEmpty()) {
            throw new XmlRefuse(400, DETAIL_SCHEMA, parcours.anomalies);
        }
        return parcours.racine;
    }

    /** Stops the parse with a refusal (carried through the SAX machinery). */
    private static final class Arret extends SAXException {
        private final XmlRefuse refus;

        Arret(XmlRefuse refus) {
            super(refus.detail());
            this.refus = refus;
        }
    }

    /** An element being read: its path, attributes, text and finished children. */
    private record Niveau(String nom, String chemin, Map<String, String> attributs, StringBuilder texte,
                          List<ElementXml> enfants, Map<String, Integer> rangs) {
    }

    /**
     * Follows the parse: checks the root, feeds the schema validator, tracks the element path
     * (for anomalies) and builds the tree.
     */
    private static final class Parcours extends DefaultHandler {

        private final ValidatorHandler validateur;
        private final Deque<Niveau> pile = new ArrayDeque<>();
        private final List<Probleme.Anomalie> anomalies = new ArrayList<>();
        private final Set<String> champs = new HashSet<>();
        private Locator locator;
        private ElementXml racine;
        /** Inside startElement: a value error there is about an attribute. */
        private boolean attributsEnCours;

        Parcours(ValidatorHandler validateur) {
            this.validateur = validateur;
            try {
                validateur.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                validateur.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                validateur.setProperty("http://apache.org/xml/properties/locale", Locale.FRENCH);
            } catch (SAXException e) {
                throw new IllegalStateException("Validation XML sécurisée indisponible", e);
            }
            validateur.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a document invalid
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    nonConforme(e);
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    nonConforme(e);
                    throw new Arret(new XmlRefuse(400, DETAIL_SCHEMA, anomalies));
                }
            });
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
            validateur.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            validateur.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            validateur.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            validateur.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            validateur.endPrefixMapping(prefix);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (pile.isEmpty()) {
                verifierRacine(uri, localName, atts);
            }
            Niveau parent = pile.peek();
            String chemin;
            if (parent == null) {
                chemin = "/" + localName;
            } else {
                int rang = parent.rangs.merge(localName, 1, Integer::sum);
                // items of a list are numbered, as in XPath (from 1)
                chemin = parent.chemin + "/" + localName + (parent.nom.startsWith("liste") ? "[" + rang + "]" : "");
            }
            Map<String, String> attributs = new LinkedHashMap<>();
            for (int i = 0; i < atts.getLength(); i++) {
                attributs.put(atts.getLocalName(i), atts.getValue(i));
            }
            pile.push(new Niveau(localName, chemin, attributs, new StringBuilder(), new ArrayList<>(), new HashMap<>()));
            attributsEnCours = true;
            try {
                validateur.startElement(uri, localName, qName, atts);
            } finally {
                attributsEnCours = false;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            validateur.endElement(uri, localName, qName);
            Niveau n = pile.pop();
            ElementXml e = new ElementXml(n.nom, n.attributs, n.texte.toString().strip(), n.enfants);
            if (pile.isEmpty()) {
                racine = e;
            } else {
                pile.peek().enfants.add(e);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            validateur.characters(ch, start, length);
            if (!pile.isEmpty()) {
                pile.peek().texte.append(ch, start, length);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            validateur.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            validateur.processingInstruction(target, data);
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        private void verifierRacine(String uri, String localName, Attributes atts) throws Arret {
            if (!RACINE.equals(localName)) {
                throw new Arret(XmlRefuse.invalide("Ce document n'est pas un document interfaceNuu.", "XML_RACINE",
                        "/" + localName, "L'élément racine doit être « interfaceNuu » (reçu : « " + court(localName) + " »)."));
            }
            if (!SchemaNuu.ESPACE_DE_NOMS.equals(uri)) {
                throw new Arret(XmlRefuse.invalide("Ce document n'est pas dans l'espace de noms de l'interface.",
                        "XML_ESPACE_DE_NOMS", "/interfaceNuu", "L'élément racine doit être dans l'espace de noms "
                                + SchemaNuu.ESPACE_DE_NOMS + " (reçu : "
                                + (uri == null || uri.isEmpty() ? "aucun espace de noms" : "« " + court(uri) + " »") + ")."));
            }
            String version = atts.getValue("", "versionInterface");
            if (version == null) {
                throw new Arret(XmlRefuse.invalide("La version de l'interface n'est pas indiquée.", "XML_VERSION",
                        "/interfaceNuu/@versionInterface", "L'attribut versionInterface est obligatoire (02.00 ou 02.01)."));
            }
            if (!VERSIONS.contains(version)) {
                throw new Arret(XmlRefuse.invalide("Cette version de l'interface n'est pas prise en charge.",
                        "XML_VERSION_NON_PRISE_EN_CHARGE", "/interfaceNuu/@versionInterface",
                        "La version « " + court(version) + " » de l'interface n'est pas prise en charge : "
                                + "versions acceptées 02.00 et 02.01."));
            }
        }

        /** A schema error, once per element or attribute, at most {@value ANOMALIES_MAX}. */
        private void nonConforme(SAXParseException e) throws Arret {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String champ = pile.isEmpty() ? "/" : pile.peek().chemin;
            String regle = message.contains(":") ? message.substring(0, message.indexOf(':')).strip() : "";
            if (regle.startsWith("cvc-complex-type.3.2.2") || regle.startsWith("cvc-complex-type.4")
                    || regle.startsWith("cvc-attribute")) {
                String attribut = premierCite(message);
                champ = champ + "/@" + (attribut == null ? "code" : attribut);
            } else if (attributsEnCours && !pile.isEmpty() && pile.peek().attributs.size() == 1
                    && !regle.startsWith("cvc-complex-type.2")) {
                // a value error raised while reading the start tag is about its single attribute
                champ = champ + "/@" + pile.peek().attributs.keySet().iterator().next();
            }
            if (champs.add(champ)) {
                anomalies.add(new Probleme.Anomalie("XML_NON_CONFORME", champ, nettoyer(message)));
            }
            if (anomalies.size() >= ANOMALIES_MAX) {
                throw new Arret(new XmlRefuse(400, DETAIL_SCHEMA + " (les " + ANOMALIES_MAX + " premières)", anomalies));
            }
        }

        XmlRefuse malForme(SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String ou = e.getLineNumber() > 0 ? " (ligne " + e.getLineNumber() + ", colonne " + e.getColumnNumber() + ")" : "";
            String champ = pile.isEmpty() ? "/" : pile.peek().chemin;
            if (message.contains("disallow-doctype-decl") || message.contains("DOCTYPE")) {
                return XmlRefuse.invalide("Les déclarations DOCTYPE sont interdites.", "XML_DOCTYPE_INTERDIT", "/",
                        "Un document interfaceNuu ne doit contenir ni DTD (DOCTYPE) ni déclaration d'entité" + ou + ".");
            }
            if (message.contains("maxElementDepth") || message.contains("jdk.xml.maxElementDepth")) {
                return XmlRefuse.invalide("Le document XML est trop profond.", "XML_TROP_PROFOND", champ,
                        "Les éléments sont imbriqués sur plus de " + PROFONDEUR_MAX + " niveaux" + ou + ".");
            }
            return XmlRefuse.invalide("Le document XML est mal formé.", "XML_MAL_FORME", champ,
                    "Document XML mal formé" + ou + " : " + court(message, 300));
        }

        /** The first quoted XML name of a message (French messages also hold apostrophes: « L'attribut 'code' »). */
        private static String premierCite(String message) {
            Matcher m = CITE.matcher(message);
            return m.find() ? m.group(1) : null;
        }

        /** Xerces' French message without namespace noise, cut so that hostile input cannot flood the answer. */
        private static String nettoyer(String message) {
            String m = message.replace("\"" + SchemaNuu.ESPACE_DE_NOMS + "\":", "").replace("{" + SchemaNuu.ESPACE_DE_NOMS + "}", "");
            return "Non conforme au schéma : " + court(m, 400);
        }
    }

    private static String court(String valeur) {
        return court(valeur, 60);
    }

    private static String court(String valeur, int max) {
        return valeur == null ? "" : valeur.length() > max ? valeur.substring(0, max) + "…" : valeur;
    }
}
