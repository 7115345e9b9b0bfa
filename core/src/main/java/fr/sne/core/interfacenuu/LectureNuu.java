package fr.sne.core.interfacenuu;

import fr.sne.core.cycle.DemandeRadiation;
import fr.sne.core.demande.DemandeJson;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * interfaceNuu → the application model. The document is already schema-valid, so elements sit
 * where expected and values have their types; codes, required fields and business rules are
 * left to the application's own validation, exactly as for JSON.
 */
final class LectureNuu {

    private LectureNuu() {
    }

    static DocumentNuu lire(ElementXml racine) {
        ElementXml demande = racine.enfant("demande").flatMap(d -> d.enfant("demandeLogement")).orElseThrow();
        // absent from REN and RAD files: an empty content (the service refuses it for CRE, CRS and MOD)
        ElementXml personnes = demande.enfant("personnePhysique")
                .orElseGet(() -> new ElementXml("personnePhysique", java.util.Map.of(), "", List.of()));
        DemandeJson.Contenu contenu = new DemandeJson.Contenu(
                personnes.enfant("demandeur").map(LectureNuu::demandeur).orElse(null),
                liste(personnes, "listeCotitulaire", "cotitulaire", LectureNuu::cotitulaire),
                liste(personnes, "listePersonneACharge", "personneACharge", LectureNuu::personneACharge),
                personnes.enfant("personneANaitre").map(e -> new DemandeJson.EnfantsANaitre(
                        entier(e, "nombre"), date(e, "dateNaissancePrevue"))).orElse(null),
                liste(personnes, "listePersonneEnGarde", "personneEnGarde", e -> new DemandeJson.PersonneEnGarde(
                        e.texte("prenom"), date(e, "dateNaissance"), e.code("sexe"), e.code("coParentalite"))),
                personnes.enfant("logementActuel").map(LectureNuu::logementActuel).orElse(null),
                codes(demande, "listeMotif", "motif"),
                demande.texte("precisionMotif"),
                demande.enfant("logementRecherche").map(LectureNuu::logementRecherche).orElse(null),
                demande.enfant("handicap").map(LectureNuu::handicap).orElse(null),
                demande.enfant("priorite").map(e -> new DemandeJson.Priorite(e.code("statutDalo"),
                        date(e, "dateDecisionDalo"), codes(e, "listeCategoriePrioritaire", "categoriePrioritaire")))
                        .orElse(null));
        DemandeJson.Creation creation = new DemandeJson.Creation(contenu, demande.texte("confirmationNonDoublon"),
                date(demande, "dateCreationDemande"));
        String typeFichier = racine.enfant("entete").map(e -> e.code("typeFichier")).orElse(null);
        return new DocumentNuu(racine.attributs().get("versionInterface"), typeFichier, demande.texte("numUnique"), creation,
                demande.enfant("radiation").map(LectureNuu::radiation).orElse(null));
    }

    private static DemandeRadiation radiation(ElementXml e) {
        return new DemandeRadiation(e.code("motif"), e.code("sousMotif"), date(e, "dateRenonciation"), e.texte("commentaire"),
                e.enfant("attribution").map(a -> new DemandeRadiation.Attribution(date(a, "dateSignatureBail"), a.texte("rpls"),
                        null, a.code("contingent"), a.texte("reservataire"), date(a, "dateCommission"))).orElse(null));
    }

    private static DemandeJson.Demandeur demandeur(ElementXml e) {
        Noms noms = noms(e);
        return new DemandeJson.Demandeur(e.code("civilite"), noms.naissance, noms.usage, e.texte("prenom"),
                date(e, "dateNaissance"), e.texte("paysNaissance"), e.texte("communeNaissance"), e.code("nationalite"),
                e.texte("paysNationalite"), e.texte("nir"), e.code("situationFamiliale"), e.texte("mel"),
                e.texte("telPortable"), e.texte("telFixe"), e.enfant("adressePostale").map(LectureNuu::adresse).orElse(null),
                booleen(e, "assiste"), e.enfant("situationProfessionnelle").map(LectureNuu::situation).orElse(null),
                e.enfant("revenuFiscal").map(LectureNuu::revenu).orElse(null),
                ressources(e, "listeRessourceRecue"), ressources(e, "listeRessourceVersee"),
                ressources(e, "listeRessourceRecuePersACharge"), ressources(e, "listeRessourceVerseePersACharge"));
    }

    private static DemandeJson.Cotitulaire cotitulaire(ElementXml e) {
        Noms noms = noms(e);
        return new DemandeJson.Cotitulaire(e.code("civilite"), noms.naissance, noms.usage, e.texte("prenom"),
                date(e, "dateNaissance"), e.code("nationalite"), e.texte("paysNationalite"), e.texte("nir"),
                e.code("situationFamiliale"), e.code("lienDemandeur"), e.texte("mel"), e.texte("telPortable"),
                e.enfant("situationProfessionnelle").map(LectureNuu::situation).orElse(null),
                e.enfant("revenuFiscal").map(LectureNuu::revenu).orElse(null),
                ressources(e, "listeRessourceRecue"), ressources(e, "listeRessourceVersee"));
    }

    private record Noms(String naissance, String usage) {
    }

    /** With nomPatronymique, it is the birth name and nom the usage name; without it, nom is the birth name. */
    private static Noms noms(ElementXml e) {
        String patronymique = e.texte("nomPatronymique");
        return patronymique != null ? new Noms(patronymique, e.texte("nom")) : new Noms(e.texte("nom"), null);
    }

    private static DemandeJson.PersonneACharge personneACharge(ElementXml e) {
        return new DemandeJson.PersonneACharge(e.texte("nom"), e.texte("prenom"), date(e, "dateNaissance"),
                e.code("sexe"), e.code("lienParente"), e.texte("nir"));
    }

    private static DemandeJson.Adresse adresse(ElementXml e) {
        return new DemandeJson.Adresse(e.texte("numero"), e.texte("voie"), e.texte("complement"), e.texte("codePostal"),
                e.code("commune"), booleen(e, "etranger"), e.texte("pays"), e.texte("localite"));
    }

    private static DemandeJson.SituationProfessionnelle situation(ElementXml e) {
        return new DemandeJson.SituationProfessionnelle(e.texte("profession"), e.code("typeContratTravail"),
                date(e, "dateDebutContrat"), e.texte("nomEmployeurPrincipal"), e.texte("siretEmployeur"),
                booleen(e, "etranger"), e.texte("codePostal"), e.code("commune"));
    }

    private static DemandeJson.RevenuFiscal revenu(ElementXml e) {
        return new DemandeJson.RevenuFiscal(entier(e, "anneeMoins1"), entier(e, "montantMoins1"),
                entier(e, "anneeMoins2"), entier(e, "montantMoins2"));
    }

    private static List<DemandeJson.Ressource> ressources(ElementXml parent, String nomListe) {
        return liste(parent, nomListe, "detailRessource",
                d -> new DemandeJson.Ressource(d.code("ressource"), entier(d, "montant")));
    }

    private static DemandeJson.LogementActuel logementActuel(ElementXml e) {
        return new DemandeJson.LogementActuel(codes(e, "listeModeleLogement", "modeleLogement"),
                entier(e, "montantMensuelLoyer"), entier(e, "nombreHabitant"), e.code("categorieLogement"),
                e.code("typeLogementActuel"), entier(e, "surface"), booleen(e, "proprietaire"), e.texte("nomBailleur"));
    }

    private static DemandeJson.LogementRecherche logementRecherche(ElementXml e) {
        return new DemandeJson.LogementRecherche(codes(e, "listeTypeLogement", "typeLogement"),
                codes(e, "listeCommuneSouhaitee", "commune"), e.code("categorieLogement"), entier(e, "etageMaximum"),
                booleen(e, "ascenseurIndispensable"), entier(e, "loyerMaximum"), booleen(e, "stationnement"));
    }

    private static DemandeJson.Handicap handicap(ElementXml e) {
        return new DemandeJson.Handicap(entier(e, "nombrePersonnes"), e.code("etat"), e.code("capaciteMarche"),
                codes(e, "listeNatureMoteur", "natureMoteur"), codes(e, "listeNatureSensoriel", "natureSensoriel"),
                booleen(e, "psychiqueOuMental"), codes(e, "listeAideTechnique", "aideTechnique"),
                codes(e, "listeEquipement", "equipement"));
    }

    /** A list element: absent → null; present (even empty) → its items, in order. */
    private static <T> List<T> liste(ElementXml parent, String nomListe, String nomItem, Function<ElementXml, T> item) {
        Optional<ElementXml> l = parent.enfant(nomListe);
        return l.map(e -> e.enfants(nomItem).stream().map(item).toList()).orElse(null);
    }

    private static List<String> codes(ElementXml parent, String nomListe, String nomItem) {
        return liste(parent, nomListe, nomItem, e -> e.attributs().get("code"));
    }

    private static LocalDate date(ElementXml e, String nom) {
        String t = e.texte(nom);
        try {
            return t == null ? null : LocalDate.parse(t);
        } catch (DateTimeParseException ex) {
            // the schema has already refused it; kept as a safety net
            throw XmlRefuse.invalide("Le document contient une date invalide.", "XML_NON_CONFORME", nom,
                    "Date invalide : attendu AAAA-MM-JJ.");
        }
    }

    private static Integer entier(ElementXml e, String nom) {
        String t = e.texte(nom);
        try {
            return t == null ? null : Integer.valueOf(t);
        } catch (NumberFormatException ex) {
            throw XmlRefuse.invalide("Le document contient un nombre invalide.", "XML_NON_CONFORME", nom,
                    "Nombre entier attendu.");
        }
    }

    private static Boolean booleen(ElementXml e, String nom) {
        String t = e.texte(nom);
        return t == null ? null : "true".equals(t) || "1".equals(t);
    }
}
