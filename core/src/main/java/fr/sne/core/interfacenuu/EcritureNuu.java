package fr.sne.core.interfacenuu;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.FormatDemande;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The application model → an interfaceNuu 02.01 document, in the order of the published schema
 * (so what the register sends validates against it and can be sent back in a PUT). Absent
 * values are left out; an empty list is written as an empty element.
 */
@Singleton
class EcritureNuu implements FormatDemande {

    static final String VERSION = "02.01";
    static final String TYPE_XML = MediaType.APPLICATION_XML + ";charset=UTF-8";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Clock clock;
    private final XMLOutputFactory sorties = XMLOutputFactory.newDefaultFactory();

    EcritureNuu(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String typeMedia() {
        return TYPE_XML;
    }

    @Override
    public byte[] ecrire(DemandeJson.Demande d) {
        TamponOctets out = new TamponOctets(16 * 1024);
        try {
            XMLStreamWriter w = sorties.createXMLStreamWriter(out, "UTF-8");
            Ecrivain x = new Ecrivain(w);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("ns1", "interfaceNuu", SchemaNuu.ESPACE_DE_NOMS);
            w.writeAttribute("versionInterface", VERSION);
            w.writeNamespace("ns1", SchemaNuu.ESPACE_DE_NOMS);
            x.ouvert();
            x.element("entete", () -> x.texte("dateFichier",
                    OffsetDateTime.now(clock.withZone(PARIS)).truncatedTo(ChronoUnit.MILLIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
            x.element("demande", () -> x.element("demandeLogement", () -> demandeLogement(x, d)));
            x.fermer();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Écriture interfaceNuu impossible", e);
        }
        return out.toByteArray();
    }

    private static void demandeLogement(Ecrivain x, DemandeJson.Demande d) {
        DemandeJson.Contenu c = d.contenu();
        x.texte("numUnique", d.numeroUnique());
        x.texte("dateCreationDemande", d.dateDepot());
        x.texte("dateDernierRenouvellement", d.dateDernierRenouvellement());
        x.texte("dateProchainRenouvellement", d.dateProchainRenouvellement());
        x.code("etatDemande", d.etat());
        x.code("territoire", d.territoire());
        x.code("guichetEnregistreur", d.guichetEnregistreur());
        x.texte("version", d.version());
        x.element("personnePhysique", () -> {
            if (c.demandeur() != null) {
                x.element("demandeur", () -> demandeur(x, c.demandeur()));
            }
            x.liste("listePersonneACharge", c.personnesACharge(), p -> x.element("personneACharge", () -> {
                x.texte("nom", p.nomNaissance());
                x.texte("prenom", p.prenoms());
                x.texte("dateNaissance", p.dateNaissance());
                x.code("sexe", p.sexe());
                x.code("lienParente", p.lienParente());
                x.texte("nir", p.nir());
            }));
            if (c.enfantsANaitre() != null) {
                x.element("personneANaitre", () -> {
                    x.texte("nombre", c.enfantsANaitre().nombre());
                    x.texte("dateNaissancePrevue", c.enfantsANaitre().dateNaissancePrevue());
                });
            }
            x.liste("listePersonneEnGarde", c.personnesEnGarde(), p -> x.element("personneEnGarde", () -> {
                x.texte("prenom", p.prenoms());
                x.texte("dateNaissance", p.dateNaissance());
                x.code("sexe", p.sexe());
                x.code("coParentalite", p.coParentalite());
            }));
            x.liste("listeCotitulaire", c.cotitulaires(), p -> x.element("cotitulaire", () -> cotitulaire(x, p)));
            if (c.logementActuel() != null) {
                x.element("logementActuel", () -> logementActuel(x, c.logementActuel()));
            }
        });
        x.liste("listeMotif", c.motifs(), m -> x.code("motif", m));
        x.texte("precisionMotif", c.motifPrecision());
        if (c.logementRecherche() != null) {
            DemandeJson.LogementRecherche l = c.logementRecherche();
            x.element("logementRecherche", () -> {
                x.liste("listeTypeLogement", l.typesLogement(), t -> x.code("typeLogement", t));
                x.liste("listeCommuneSouhaitee", l.communesSouhaitees(), t -> x.code("commune", t));
                x.code("categorieLogement", l.categorie());
                x.texte("etageMaximum", l.etageMaximum());
                x.texte("ascenseurIndispensable", l.ascenseurIndispensable());
                x.texte("loyerMaximum", l.loyerMaximum());
                x.texte("stationnement", l.stationnement());
            });
        }
        if (c.handicap() != null) {
            DemandeJson.Handicap h = c.handicap();
            x.element("handicap", () -> {
                x.texte("nombrePersonnes", h.nombrePersonnes());
                x.code("etat", h.etat());
                x.code("capaciteMarche", h.capaciteMarche());
                x.liste("listeNatureMoteur", h.naturesMoteur(), v -> x.code("natureMoteur", v));
                x.liste("listeNatureSensoriel", h.naturesSensoriel(), v -> x.code("natureSensoriel", v));
                x.texte("psychiqueOuMental", h.psychiqueOuMental());
                x.liste("listeAideTechnique", h.aidesTechniques(), v -> x.code("aideTechnique", v));
                x.liste("listeEquipement", h.equipements(), v -> x.code("equipement", v));
            });
        }
        if (c.priorite() != null) {
            DemandeJson.Priorite p = c.priorite();
            x.element("priorite", () -> {
                x.code("statutDalo", p.statutDalo());
                x.texte("dateDecisionDalo", p.dateDecisionDalo());
                x.liste("listeCategoriePrioritaire", p.categories(), v -> x.code("categoriePrioritaire", v));
            });
        }
    }

    private static void demandeur(Ecrivain x, DemandeJson.Demandeur p) {
        x.code("civilite", p.civilite());
        noms(x, p.nomNaissance(), p.nomUsage());
        x.texte("prenom", p.prenoms());
        x.texte("dateNaissance", p.dateNaissance());
        x.texte("paysNaissance", p.paysNaissance());
        x.texte("communeNaissance", p.communeNaissance());
        x.code("nationalite", p.nationalite());
        x.texte("paysNationalite", p.paysNationalite());
        x.texte("nir", p.nir());
        x.code("situationFamiliale", p.situationFamiliale());
        x.texte("telPortable", p.telPortable());
        x.texte("telFixe", p.telFixe());
        x.texte("mel", p.mel());
        x.texte("assiste", p.assiste());
        if (p.adresse() != null) {
            DemandeJson.Adresse a = p.adresse();
            x.element("adressePostale", () -> {
                x.texte("etranger", a.etranger());
                x.texte("numero", a.numero());
                x.texte("voie", a.voie());
                x.texte("complement", a.complement());
                x.texte("codePostal", a.codePostal());
                x.code("commune", a.communeInsee());
                x.texte("pays", a.pays());
                x.texte("localite", a.localite());
            });
        }
        situation(x, p.situationProfessionnelle());
        revenu(x, p.revenuFiscal());
        ressources(x, "listeRessourceRecue", p.ressourcesRecues());
        ressources(x, "listeRessourceVersee", p.ressourcesVersees());
        ressources(x, "listeRessourceRecuePersACharge", p.ressourcesRecuesPersonnesACharge());
        ressources(x, "listeRessourceVerseePersACharge", p.ressourcesVerseesPersonnesACharge());
    }

    private static void cotitulaire(Ecrivain x, DemandeJson.Cotitulaire p) {
        x.code("civilite", p.civilite());
        noms(x, p.nomNaissance(), p.nomUsage());
        x.texte("prenom", p.prenoms());
        x.texte("dateNaissance", p.dateNaissance());
        x.code("nationalite", p.nationalite());
        x.texte("paysNationalite", p.paysNationalite());
        x.texte("nir", p.nir());
        x.code("situationFamiliale", p.situationFamiliale());
        x.code("lienDemandeur", p.lienDemandeur());
        x.texte("telPortable", p.telPortable());
        x.texte("mel", p.mel());
        situation(x, p.situationProfessionnelle());
        revenu(x, p.revenuFiscal());
        ressources(x, "listeRessourceRecue", p.ressourcesRecues());
        ressources(x, "listeRessourceVersee", p.ressourcesVersees());
    }

    /** A usage name makes nom the usage name and nomPatronymique the birth name (as the format has it). */
    private static void noms(Ecrivain x, String naissance, String usage) {
        if (usage != null) {
            x.texte("nom", usage);
            x.texte("nomPatronymique", naissance);
        } else {
            x.texte("nom", naissance);
        }
    }

    private static void situation(Ecrivain x, DemandeJson.SituationProfessionnelle s) {
        if (s == null) {
            return;
        }
        x.element("situationProfessionnelle", () -> {
            x.texte("profession", s.profession());
            x.code("typeContratTravail", s.typeContratTravail());
            x.texte("dateDebutContrat", s.dateDebutContrat());
            x.texte("nomEmployeurPrincipal", s.nomEmployeur());
            x.texte("siretEmployeur", s.siretEmployeur());
            x.texte("etranger", s.etranger());
            x.texte("codePostal", s.codePostal());
            x.code("commune", s.communeInsee());
        });
    }

    private static void revenu(Ecrivain x, DemandeJson.RevenuFiscal r) {
        if (r == null) {
            return;
        }
        x.element("revenuFiscal", () -> {
            x.texte("anneeMoins1", r.anneeMoins1());
            x.texte("montantMoins1", r.montantMoins1());
            x.texte("anneeMoins2", r.anneeMoins2());
            x.texte("montantMoins2", r.montantMoins2());
        });
    }

    private static void ressources(Ecrivain x, String nomListe, List<DemandeJson.Ressource> ressources) {
        x.liste(nomListe, ressources, r -> x.element("detailRessource", () -> {
            x.code("ressource", r.code());
            x.texte("montant", r.montant());
        }));
    }

    private static void logementActuel(Ecrivain x, DemandeJson.LogementActuel l) {
        x.liste("listeModeleLogement", l.modelesLogement(), m -> x.code("modeleLogement", m));
        x.texte("montantMensuelLoyer", l.montantMensuelLoyer());
        x.texte("nombreHabitant", l.nombreHabitants());
        x.code("categorieLogement", l.categorieLogement());
        x.code("typeLogementActuel", l.typeLogement());
        x.texte("surface", l.surface());
        x.texte("proprietaire", l.proprietaire());
        x.texte("nomBailleur", l.nomBailleur());
    }

    /** An XML writer with indentation (four spaces per level), in the ns1 prefix as the format's own files. */
    private static final class Ecrivain {

        private final XMLStreamWriter w;
        /** For each open element: whether it has child elements yet (its end tag then goes on its own line). */
        private final Deque<boolean[]> ouverts = new ArrayDeque<>();

        Ecrivain(XMLStreamWriter w) {
            this.w = w;
        }

        void ouvert() {
            ouverts.push(new boolean[]{false});
        }

        void element(String nom, Runnable contenu) {
            try {
                ligne();
                w.writeStartElement("ns1", nom, SchemaNuu.ESPACE_DE_NOMS);
                ouvert();
                contenu.run();
                fermer();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        void fermer() {
            try {
                boolean avecEnfants = ouverts.pop()[0];
                if (avecEnfants) {
                    w.writeCharacters("\n" + "    ".repeat(ouverts.size()));
                }
                w.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        void texte(String nom, Object valeur) {
            if (valeur == null) {
                return;
            }
            try {
                ligne();
                w.writeStartElement("ns1", nom, SchemaNuu.ESPACE_DE_NOMS);
                w.writeCharacters(propre(valeur.toString()));
                w.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        void code(String nom, String code) {
            if (code == null) {
                return;
            }
            try {
                ligne();
                w.writeEmptyElement("ns1", nom, SchemaNuu.ESPACE_DE_NOMS);
                w.writeAttribute("code", propre(code));
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        <T> void liste(String nom, List<T> valeurs, Consumer<T> item) {
            if (valeurs == null) {
                return;
            }
            element(nom, () -> valeurs.forEach(item));
        }

        private void ligne() throws XMLStreamException {
            ouverts.peek()[0] = true;
            w.writeCharacters("\n" + "    ".repeat(ouverts.size()));
        }
    }

    /** Drops the characters XML 1.0 cannot carry (a value received in JSON may hold control characters). */
    static String propre(String valeur) {
        StringBuilder sb = new StringBuilder(valeur.length());
        valeur.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
