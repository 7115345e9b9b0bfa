package fr.sne.core.enligne;

import java.util.List;
import java.util.Map;

/**
 * A field of the online form: its JSON path in the CERFA content ({@code []} marks the rows of a
 * list, e.g. {@code personnesACharge[].prenoms}, or {@code logementRecherche.communesSouhaitees[]}
 * for a list of plain values), how it is typed, its code list, and its label for summaries.
 */
record Champ(String chemin, Type type, String liste, String libelle) {

    enum Type {
        TEXTE, DATE, ENTIER,
        /** a select or radio buttons: one code of {@code liste} */
        CODE,
        /** radio buttons stored as a one-element list */
        CODE_EN_LISTE,
        /** checkboxes, one per code of {@code liste}, named {@code chemin.code} */
        CODES,
        /** one checkbox: true, or absent */
        BOOLEEN,
        /** a checkbox saying whether the object at {@code chemin} exists at all */
        PRESENCE,
        /** an INSEE code, typed as a code or a commune name */
        COMMUNE
    }

    static Champ texte(String chemin, String libelle) {
        return new Champ(chemin, Type.TEXTE, null, libelle);
    }

    static Champ date(String chemin, String libelle) {
        return new Champ(chemin, Type.DATE, null, libelle);
    }

    static Champ entier(String chemin, String libelle) {
        return new Champ(chemin, Type.ENTIER, null, libelle);
    }

    static Champ code(String chemin, String liste, String libelle) {
        return new Champ(chemin, Type.CODE, liste, libelle);
    }

    static Champ codes(String chemin, String liste, String libelle) {
        return new Champ(chemin, Type.CODES, liste, libelle);
    }

    static Champ booleen(String chemin, String libelle) {
        return new Champ(chemin, Type.BOOLEEN, null, libelle);
    }

    static Champ commune(String chemin, String libelle) {
        return new Champ(chemin, Type.COMMUNE, null, libelle);
    }

    /** The list of the rows this field belongs to ({@code personnesACharge}), or null. */
    String lignes() {
        int i = chemin.indexOf("[]");
        return i < 0 ? null : chemin.substring(0, i);
    }

    /** The field inside its row ({@code prenoms}), empty for a list of plain values. */
    String dansLaLigne() {
        int i = chemin.indexOf("[]");
        return chemin.substring(i + 2).replaceFirst("^\\.", "");
    }

    /** The fields of each step, in the order of the form. */
    static final Map<Etape, List<Champ>> PAR_ETAPE = Map.of(
            Etape.IDENTITE, List.of(
                    code("demandeur.civilite", "civilite", "Civilité"),
                    texte("demandeur.nomNaissance", "Nom de naissance"),
                    texte("demandeur.nomUsage", "Nom d’usage"),
                    texte("demandeur.prenoms", "Prénoms"),
                    date("demandeur.dateNaissance", "Date de naissance"),
                    texte("demandeur.communeNaissance", "Commune de naissance"),
                    texte("demandeur.paysNaissance", "Pays de naissance (né à l’étranger)"),
                    code("demandeur.nationalite", "nationalite", "Nationalité"),
                    texte("demandeur.paysNationalite", "Pays de nationalité"),
                    texte("demandeur.nir", "Numéro de sécurité sociale"),
                    texte("demandeur.mel", "Adresse électronique"),
                    texte("demandeur.telPortable", "Téléphone portable"),
                    texte("demandeur.telFixe", "Téléphone fixe"),
                    texte("demandeur.adresse.numero", "Numéro"),
                    texte("demandeur.adresse.voie", "Voie"),
                    texte("demandeur.adresse.complement", "Complément d’adresse"),
                    texte("demandeur.adresse.codePostal", "Code postal"),
                    commune("demandeur.adresse.communeInsee", "Commune"),
                    booleen("demandeur.assiste", "Accompagné(e) dans sa démarche")),
            Etape.FAMILLE, List.of(
                    code("demandeur.situationFamiliale", "situationFamiliale", "Situation familiale"),
                    code("cotitulaires[].civilite", "civilite", "Civilité du cotitulaire"),
                    texte("cotitulaires[].nomNaissance", "Nom de naissance du cotitulaire"),
                    texte("cotitulaires[].nomUsage", "Nom d’usage du cotitulaire"),
                    texte("cotitulaires[].prenoms", "Prénoms du cotitulaire"),
                    date("cotitulaires[].dateNaissance", "Date de naissance du cotitulaire"),
                    code("cotitulaires[].nationalite", "nationalite", "Nationalité du cotitulaire"),
                    texte("cotitulaires[].paysNationalite", "Pays de nationalité du cotitulaire"),
                    texte("cotitulaires[].nir", "Numéro de sécurité sociale du cotitulaire"),
                    code("cotitulaires[].lienDemandeur", "lienDemandeur", "Lien avec le demandeur"),
                    texte("cotitulaires[].mel", "Adresse électronique du cotitulaire"),
                    texte("cotitulaires[].telPortable", "Téléphone portable du cotitulaire"),
                    texte("personnesACharge[].nomNaissance", "Nom"),
                    texte("personnesACharge[].prenoms", "Prénoms"),
                    date("personnesACharge[].dateNaissance", "Date de naissance"),
                    code("personnesACharge[].sexe", "sexe", "Sexe"),
                    code("personnesACharge[].lienParente", "lienParente", "Lien de parenté"),
                    entier("enfantsANaitre.nombre", "Enfants à naître"),
                    date("enfantsANaitre.dateNaissancePrevue", "Naissance prévue le"),
                    texte("personnesEnGarde[].prenoms", "Prénoms"),
                    date("personnesEnGarde[].dateNaissance", "Date de naissance"),
                    code("personnesEnGarde[].sexe", "sexe", "Sexe"),
                    code("personnesEnGarde[].coParentalite", "coParentalite", "Mode de garde")),
            Etape.RESSOURCES, List.of(
                    texte("demandeur.situationProfessionnelle.profession", "Profession"),
                    code("demandeur.situationProfessionnelle.typeContratTravail", "typeContratTravail", "Situation professionnelle"),
                    date("demandeur.situationProfessionnelle.dateDebutContrat", "Début du contrat"),
                    texte("demandeur.situationProfessionnelle.nomEmployeur", "Employeur"),
                    texte("demandeur.situationProfessionnelle.siretEmployeur", "SIRET de l’employeur"),
                    entier("demandeur.revenuFiscal.anneeMoins1", "Année du revenu fiscal N-1"),
                    entier("demandeur.revenuFiscal.montantMoins1", "Revenu fiscal de référence N-1 (€)"),
                    entier("demandeur.revenuFiscal.anneeMoins2", "Année du revenu fiscal N-2"),
                    entier("demandeur.revenuFiscal.montantMoins2", "Revenu fiscal de référence N-2 (€)"),
                    code("demandeur.ressourcesRecues[].code", "ressourceRecue", "Ressource mensuelle"),
                    entier("demandeur.ressourcesRecues[].montant", "Montant mensuel (€)"),
                    code("demandeur.ressourcesVersees[].code", "ressourceVersee", "Charge versée"),
                    entier("demandeur.ressourcesVersees[].montant", "Montant mensuel versé (€)"),
                    texte("cotitulaires[0].situationProfessionnelle.profession", "Profession du cotitulaire"),
                    code("cotitulaires[0].situationProfessionnelle.typeContratTravail", "typeContratTravail",
                            "Situation professionnelle du cotitulaire"),
                    code("cotitulaires[0].ressourcesRecues[].code", "ressourceRecue", "Ressource mensuelle du cotitulaire"),
                    entier("cotitulaires[0].ressourcesRecues[].montant", "Montant mensuel (€)")),
            Etape.LOGEMENT, List.of(
                    new Champ("logementActuel.modelesLogement", Champ.Type.CODE_EN_LISTE, "modeleLogement", "Logement actuel"),
                    entier("logementActuel.montantMensuelLoyer", "Loyer mensuel (€)"),
                    entier("logementActuel.nombreHabitants", "Nombre de personnes y habitant"),
                    code("logementActuel.categorieLogement", "categorieLogement", "Appartement ou maison"),
                    code("logementActuel.typeLogement", "typeLogement", "Type de logement"),
                    entier("logementActuel.surface", "Surface (m²)"),
                    texte("logementActuel.nomBailleur", "Propriétaire ou bailleur"),
                    codes("motifs", "motifDemande", "Motifs de la demande"),
                    texte("motifPrecision", "Précision sur le motif")),
            Etape.RECHERCHE, List.of(
                    commune("logementRecherche.communesSouhaitees[]", "Commune souhaitée"),
                    codes("logementRecherche.typesLogement", "typeLogement", "Types de logement"),
                    code("logementRecherche.categorie", "categorieLogementRecherche", "Appartement ou maison"),
                    entier("logementRecherche.etageMaximum", "Étage maximum"),
                    booleen("logementRecherche.ascenseurIndispensable", "Ascenseur indispensable"),
                    entier("logementRecherche.loyerMaximum", "Loyer maximum (€)"),
                    booleen("logementRecherche.stationnement", "Place de stationnement souhaitée")),
            Etape.HANDICAP, List.of(
                    new Champ("handicap", Champ.Type.PRESENCE, null, "Personne(s) en situation de handicap dans le foyer"),
                    entier("handicap.nombrePersonnes", "Nombre de personnes concernées"),
                    code("handicap.etat", "etatHandicap", "Handicap stabilisé ou évolutif"),
                    code("handicap.capaciteMarche", "capaciteMarcheHandicap", "Capacité à monter des marches"),
                    codes("handicap.naturesMoteur", "natureHandicapMoteur", "Handicap moteur"),
                    codes("handicap.naturesSensoriel", "natureHandicapSensoriel", "Handicap sensoriel"),
                    booleen("handicap.psychiqueOuMental", "Handicap psychique ou mental"),
                    codes("handicap.aidesTechniques", "aideTechniqueHandicap", "Aides techniques"),
                    codes("handicap.equipements", "equipementHandicap", "Équipements nécessaires"),
                    code("priorite.statutDalo", "statutDalo", "Recours DALO"),
                    date("priorite.dateDecisionDalo", "Date de la décision DALO"),
                    codes("priorite.categories", "categoriePrioritaire", "Situations prioritaires")),
            Etape.RECAPITULATIF, List.of());

    /** Fewest rows a list shows (filled or empty): a few communes at once, one person or resource at a time. */
    static int minimum(String liste) {
        return "logementRecherche.communesSouhaitees".equals(liste) ? 3 : 1;
    }

    /** Most rows a list takes on the portal (the CERFA's one co-holder; the register's limits otherwise). */
    static int maximum(String liste) {
        return switch (liste) {
            case "cotitulaires" -> 1;
            case "personnesACharge", "personnesEnGarde" -> 20;
            default -> 30;
        };
    }
}
