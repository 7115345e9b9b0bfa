package fr.sne.core.antifraude;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A changed part of an application (a JSON path such as {@code demandeur.adresse.voie} or
 * {@code cotitulaires[0].prenoms}) in the applicant's words: "Vos coordonnées : adresse".
 */
final class LibellesChamps {

    /** Path prefixes (rows of lists as {@code []}), most specific first, with their label. */
    private static final List<Map.Entry<String, String>> LIBELLES = List.of(
            Map.entry("demandeur.nomNaissance", "Votre identité : nom de naissance"),
            Map.entry("demandeur.nomUsage", "Votre identité : nom d’usage"),
            Map.entry("demandeur.prenoms", "Votre identité : prénoms"),
            Map.entry("demandeur.civilite", "Votre identité : civilité"),
            Map.entry("demandeur.dateNaissance", "Votre identité : date de naissance"),
            Map.entry("demandeur.paysNaissance", "Votre identité : lieu de naissance"),
            Map.entry("demandeur.communeNaissance", "Votre identité : lieu de naissance"),
            Map.entry("demandeur.nationalite", "Votre identité : nationalité"),
            Map.entry("demandeur.paysNationalite", "Votre identité : nationalité"),
            Map.entry("demandeur.nir", "Votre identité : numéro de sécurité sociale"),
            Map.entry("demandeur.situationFamiliale", "Votre situation familiale"),
            Map.entry("demandeur.mel", "Vos coordonnées : adresse électronique"),
            Map.entry("demandeur.telPortable", "Vos coordonnées : téléphone"),
            Map.entry("demandeur.telFixe", "Vos coordonnées : téléphone"),
            Map.entry("demandeur.adresse", "Vos coordonnées : adresse"),
            Map.entry("demandeur.assiste", "Vos coordonnées : accompagnement dans vos démarches"),
            Map.entry("demandeur.situationProfessionnelle", "Votre situation professionnelle"),
            Map.entry("demandeur.revenuFiscal", "Vos revenus : revenu fiscal de référence"),
            Map.entry("demandeur.ressourcesRecuesPersonnesACharge", "Ressources des personnes à charge"),
            Map.entry("demandeur.ressourcesVerseesPersonnesACharge", "Charges versées pour les personnes à charge"),
            Map.entry("demandeur.ressourcesRecues", "Vos ressources mensuelles"),
            Map.entry("demandeur.ressourcesVersees", "Vos charges versées (pensions…)"),
            Map.entry("cotitulaires[].nomNaissance", "Conjoint ou cotitulaire : nom de naissance"),
            Map.entry("cotitulaires[].nomUsage", "Conjoint ou cotitulaire : nom d’usage"),
            Map.entry("cotitulaires[].prenoms", "Conjoint ou cotitulaire : prénoms"),
            Map.entry("cotitulaires[].civilite", "Conjoint ou cotitulaire : identité"),
            Map.entry("cotitulaires[].dateNaissance", "Conjoint ou cotitulaire : date de naissance"),
            Map.entry("cotitulaires[].nationalite", "Conjoint ou cotitulaire : nationalité"),
            Map.entry("cotitulaires[].paysNationalite", "Conjoint ou cotitulaire : nationalité"),
            Map.entry("cotitulaires[].nir", "Conjoint ou cotitulaire : numéro de sécurité sociale"),
            Map.entry("cotitulaires[].situationFamiliale", "Conjoint ou cotitulaire : situation familiale"),
            Map.entry("cotitulaires[].lienDemandeur", "Conjoint ou cotitulaire : lien avec vous"),
            Map.entry("cotitulaires[].mel", "Conjoint ou cotitulaire : coordonnées"),
            Map.entry("cotitulaires[].telPortable", "Conjoint ou cotitulaire : coordonnées"),
            Map.entry("cotitulaires[].situationProfessionnelle", "Conjoint ou cotitulaire : situation professionnelle"),
            Map.entry("cotitulaires[].revenuFiscal", "Conjoint ou cotitulaire : revenu fiscal de référence"),
            Map.entry("cotitulaires[].ressources", "Conjoint ou cotitulaire : ressources et charges"),
            Map.entry("cotitulaires", "Conjoint ou cotitulaire"),
            Map.entry("personnesACharge", "Personnes à charge"),
            Map.entry("enfantsANaitre", "Enfants à naître"),
            Map.entry("personnesEnGarde", "Enfants en garde alternée ou en droit de visite"),
            Map.entry("logementActuel", "Votre logement actuel"),
            Map.entry("motifs", "Motifs de votre demande"),
            Map.entry("motifPrecision", "Motifs de votre demande"),
            Map.entry("logementRecherche.communesSouhaitees", "Logement recherché : communes souhaitées"),
            Map.entry("logementRecherche.typesLogement", "Logement recherché : types de logement"),
            Map.entry("logementRecherche.loyerMaximum", "Logement recherché : loyer maximum"),
            Map.entry("logementRecherche", "Logement recherché : autres critères"),
            Map.entry("handicap", "Handicap et adaptation du logement"),
            Map.entry("priorite.categories", "Situations prioritaires"),
            Map.entry("priorite", "Recours DALO"));

    private LibellesChamps() {
    }

    /** The label of one path; "Autre information de votre demande" when unknown. */
    static String libelle(String chemin) {
        String generique = chemin.replaceAll("\\[\\d+]", "[]");
        for (Map.Entry<String, String> e : LIBELLES) {
            String prefixe = e.getKey();
            if (generique.equals(prefixe) || generique.startsWith(prefixe + ".") || generique.startsWith(prefixe + "[")
                    || (prefixe.endsWith("ressources") && generique.startsWith(prefixe))) {
                return e.getValue();
            }
        }
        return "Autre information de votre demande";
    }

    /** The distinct labels of several paths, in their order. */
    static List<String> libelles(List<String> chemins) {
        Set<String> libelles = new LinkedHashSet<>();
        chemins.forEach(c -> libelles.add(libelle(c)));
        return List.copyOf(libelles);
    }
}
