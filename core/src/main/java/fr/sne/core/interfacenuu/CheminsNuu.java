package fr.sne.core.interfacenuu;

import fr.sne.core.demande.DemandeJson;
import fr.sne.tenants.web.Probleme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the element of an interfaceNuu document that an anomaly of the application's validation
 * is about: the validation speaks the JSON model's paths ({@code demandeur.ressourcesRecues[2].code}),
 * an XML caller reads {@code /interfaceNuu/demande/demandeLogement/personnePhysique/demandeur/
 * listeRessourceRecue/detailRessource[3]/ressource/@code}. A path it does not know is kept as it is.
 */
final class CheminsNuu {

    static final String BASE = "/interfaceNuu/demande/demandeLogement";
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d{1,4})])?");
    private static final Pattern COTITULAIRE = Pattern.compile("cotitulaires\\[(\\d{1,4})]");

    /**
     * Per context, JSON name → XML path; {@code []} stands for the item's position (from 1),
     * {@code >context} for the rules of what lies below, {@code §} for the birth name (nom or
     * nomPatronymique depending on whether the person has a usage name). Unlisted names are the same.
     */
    private static final Map<String, Map<String, String>> REGLES = regles(Map.of(
            "racine", """
                    dateDepot=dateCreationDemande
                    demandeur=personnePhysique/demandeur>personne
                    cotitulaires=personnePhysique/listeCotitulaire/cotitulaire[]>personne
                    personnesACharge=personnePhysique/listePersonneACharge/personneACharge[]>aCharge
                    enfantsANaitre=personnePhysique/personneANaitre
                    personnesEnGarde=personnePhysique/listePersonneEnGarde/personneEnGarde[]>enGarde
                    logementActuel=personnePhysique/logementActuel>logementActuel
                    motifs=listeMotif/motif[]/@code
                    motifPrecision=precisionMotif
                    logementRecherche=logementRecherche>logementRecherche
                    handicap=handicap>handicap
                    priorite=priorite>priorite""",
            "personne", """
                    civilite=civilite/@code
                    nomNaissance=§
                    nomUsage=nom
                    prenoms=prenom
                    nationalite=nationalite/@code
                    situationFamiliale=situationFamiliale/@code
                    lienDemandeur=lienDemandeur/@code
                    adresse=adressePostale>adresse
                    situationProfessionnelle=situationProfessionnelle>situation
                    ressourcesRecues=listeRessourceRecue/detailRessource[]>ressource
                    ressourcesVersees=listeRessourceVersee/detailRessource[]>ressource
                    ressourcesRecuesPersonnesACharge=listeRessourceRecuePersACharge/detailRessource[]>ressource
                    ressourcesVerseesPersonnesACharge=listeRessourceVerseePersACharge/detailRessource[]>ressource""",
            "adresse", "communeInsee=commune/@code",
            "situation", """
                    typeContratTravail=typeContratTravail/@code
                    nomEmployeur=nomEmployeurPrincipal
                    communeInsee=commune/@code""",
            "ressource", "code=ressource/@code",
            "aCharge", """
                    nomNaissance=nom
                    prenoms=prenom
                    sexe=sexe/@code
                    lienParente=lienParente/@code""",
            "enGarde", """
                    prenoms=prenom
                    sexe=sexe/@code
                    coParentalite=coParentalite/@code""",
            "logementActuel", """
                    modelesLogement=listeModeleLogement/modeleLogement[]/@code
                    nombreHabitants=nombreHabitant
                    categorieLogement=categorieLogement/@code
                    typeLogement=typeLogementActuel/@code""",
            "logementRecherche", """
                    typesLogement=listeTypeLogement/typeLogement[]/@code
                    communesSouhaitees=listeCommuneSouhaitee/commune[]/@code
                    categorie=categorieLogement/@code""",
            "handicap", """
                    etat=etat/@code
                    capaciteMarche=capaciteMarche/@code
                    naturesMoteur=listeNatureMoteur/natureMoteur[]/@code
                    naturesSensoriel=listeNatureSensoriel/natureSensoriel[]/@code
                    aidesTechniques=listeAideTechnique/aideTechnique[]/@code
                    equipements=listeEquipement/equipement[]/@code"""),
            Map.of("priorite", """
                    statutDalo=statutDalo/@code
                    categories=listeCategoriePrioritaire/categoriePrioritaire[]/@code"""));

    private CheminsNuu() {
    }

    /** The anomalies with their field named as an element path of the document that was sent. */
    static List<Probleme.Anomalie> enXml(List<Probleme.Anomalie> anomalies, DemandeJson.Creation creation) {
        return anomalies.stream()
                .map(a -> new Probleme.Anomalie(a.code(), chemin(a.champ(), creation), a.message()))
                .toList();
    }

    static String chemin(String champJson, DemandeJson.Creation creation) {
        if (champJson == null || champJson.isBlank()) {
            return champJson;
        }
        StringBuilder xml = new StringBuilder(BASE);
        String contexte = "racine";
        String[] segments = champJson.split("\\.");
        boolean nomUsage = aUnNomUsage(segments[0], creation);
        for (String segment : segments) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                return champJson;
            }
            String nom = m.group(1);
            String rang = m.group(2) == null ? null : String.valueOf(Integer.parseInt(m.group(2)) + 1);
            String regle = REGLES.get(contexte).getOrDefault(nom, nom);
            // below a name without a context of its own, names are the same
            String suivant = "identite";
            int chevron = regle.indexOf('>');
            if (chevron >= 0) {
                suivant = regle.substring(chevron + 1);
                regle = regle.substring(0, chevron);
            }
            if (regle.equals("§")) {
                regle = nomUsage ? "nomPatronymique" : "nom";
            }
            if (regle.contains("[]")) {
                // a whole list (e.g. too many items) is its list element; an item is numbered from 1
                regle = rang == null ? regle.substring(0, regle.lastIndexOf('/', regle.indexOf("[]")))
                        : regle.replace("[]", "[" + rang + "]");
            } else if (rang != null) {
                regle = regle + "[" + rang + "]";
            }
            xml.append('/').append(regle);
            contexte = suivant;
        }
        return xml.toString();
    }

    /** Whether the person a path starts with has a usage name (then their birth name is nomPatronymique). */
    private static boolean aUnNomUsage(String premier, DemandeJson.Creation creation) {
        DemandeJson.Contenu c = creation == null ? null : creation.contenu();
        if (c == null) {
            return false;
        }
        if (premier.equals("demandeur")) {
            return c.demandeur() != null && c.demandeur().nomUsage() != null;
        }
        Matcher m = COTITULAIRE.matcher(premier);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            return i < c.cotitulairesOuVide().size() && c.cotitulaires().get(i) != null
                    && c.cotitulaires().get(i).nomUsage() != null;
        }
        return false;
    }

    @SafeVarargs
    private static Map<String, Map<String, String>> regles(Map<String, String>... tables) {
        Map<String, Map<String, String>> toutes = new HashMap<>();
        for (Map<String, String> table : tables) {
            table.forEach((contexte, lignes) -> {
                Map<String, String> r = new HashMap<>();
                lignes.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
                    int egal = l.indexOf('=');
                    r.put(l.substring(0, egal), l.substring(egal + 1));
                });
                toutes.put(contexte, Map.copyOf(r));
            });
        }
        toutes.put("identite", Map.of());
        return Map.copyOf(toutes);
    }
}
