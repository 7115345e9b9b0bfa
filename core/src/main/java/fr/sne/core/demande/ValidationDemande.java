package fr.sne.core.demande;

import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.geographie.Commune;
import fr.sne.tenants.geographie.Geographie;
import fr.sne.tenants.web.Probleme;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Field checks of an application, every anomaly at once, in French; runs inside a transaction. */
@Singleton
class ValidationDemande {

    private static final Pattern MEL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NOM = Pattern.compile("[\\p{L}][\\p{L} '’.-]{0,99}");
    private static final Pattern TELEPHONE = Pattern.compile("\\+?[0-9 .]{10,20}");

    private final ListesCodes codes;
    private final Geographie geographie;

    ValidationDemande(ListesCodes codes, Geographie geographie) {
        this.codes = codes;
        this.geographie = geographie;
    }

    /** The anomalies of a creation for a desk of {@code territoire} covering {@code departements}. */
    List<Probleme.Anomalie> anomalies(DemandeJson.Creation c, List<String> departements, LocalDate aujourdhui) {
        List<Probleme.Anomalie> a = new ArrayList<>();
        DemandeJson.Demandeur d = c.demandeur();
        if (d == null) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "demandeur", "Le demandeur est obligatoire."));
        } else {
            if (!codes.existe("civilite", d.civilite())) {
                a.add(new Probleme.Anomalie("CODE_INCONNU", "demandeur.civilite", "Civilité inconnue : 1 (Monsieur) ou 2 (Madame)."));
            }
            nom(a, d.nomNaissance(), "demandeur.nomNaissance", "Le nom de naissance est obligatoire.", "Le nom de naissance");
            nom(a, d.nomUsage(), "demandeur.nomUsage", null, "Le nom d’usage");
            nom(a, d.prenoms(), "demandeur.prenoms", "Les prénoms sont obligatoires.", "Les prénoms");
            if (d.dateNaissance() == null) {
                a.add(new Probleme.Anomalie("OBLIGATOIRE", "demandeur.dateNaissance", "La date de naissance est obligatoire."));
            } else if (d.dateNaissance().isAfter(aujourdhui) || d.dateNaissance().isBefore(aujourdhui.minusYears(125))) {
                a.add(new Probleme.Anomalie("DATE_IMPOSSIBLE", "demandeur.dateNaissance",
                        "La date de naissance " + d.dateNaissance() + " est impossible."));
            }
            if (!codes.existe("nationalite", d.nationalite())) {
                a.add(new Probleme.Anomalie("CODE_INCONNU", "demandeur.nationalite",
                        "Nationalité inconnue : 1 (française), 2 (Union européenne) ou 3 (hors Union européenne)."));
            }
            if (d.mel() != null && (d.mel().length() > 200 || !MEL.matcher(d.mel()).matches())) {
                a.add(new Probleme.Anomalie("FORMAT", "demandeur.mel", "L’adresse électronique n’est pas valide."));
            }
            if (d.telPortable() != null && !TELEPHONE.matcher(d.telPortable()).matches()) {
                a.add(new Probleme.Anomalie("FORMAT", "demandeur.telPortable", "Le numéro de téléphone n’est pas valide."));
            }
            if (d.adresse() != null && d.adresse().communeInsee() != null && !geographie.communeExiste(d.adresse().communeInsee())) {
                a.add(new Probleme.Anomalie("COMMUNE_INCONNUE", "demandeur.adresse.communeInsee",
                        "Commune inconnue : " + d.adresse().communeInsee() + "."));
            }
        }
        DemandeJson.LogementRecherche l = c.logementRecherche();
        if (l == null || l.communesSouhaitees() == null || l.communesSouhaitees().isEmpty()) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "logementRecherche.communesSouhaitees",
                    "Indiquez au moins une commune souhaitée."));
        } else {
            boolean dansLeTerritoire = false;
            for (int i = 0; i < l.communesSouhaitees().size(); i++) {
                String code = l.communesSouhaitees().get(i);
                Optional<Commune> commune = code == null ? Optional.empty() : geographie.commune(code);
                if (commune.isEmpty()) {
                    a.add(new Probleme.Anomalie("COMMUNE_INCONNUE", "logementRecherche.communesSouhaitees[" + i + "]",
                            "Commune inconnue : " + code + "."));
                } else if (departements.contains(commune.get().departement())) {
                    dansLeTerritoire = true;
                }
            }
            if (!dansLeTerritoire && a.stream().noneMatch(x -> x.champ().startsWith("logementRecherche.communesSouhaitees["))) {
                a.add(new Probleme.Anomalie("HORS_TERRITOIRE", "logementRecherche.communesSouhaitees",
                        "Au moins une commune souhaitée doit se trouver dans le territoire du guichet."));
            }
        }
        if (l != null && l.typesLogement() != null) {
            for (int i = 0; i < l.typesLogement().size(); i++) {
                if (!codes.existe("typeLogement", l.typesLogement().get(i))) {
                    a.add(new Probleme.Anomalie("CODE_INCONNU", "logementRecherche.typesLogement[" + i + "]",
                            "Type de logement inconnu : C, T1, T2, T3, T4, T5 ou T6P."));
                }
            }
        }
        if (c.confirmationNonDoublon() != null && c.confirmationNonDoublon().length() > 1000) {
            a.add(new Probleme.Anomalie("TROP_LONG", "confirmationNonDoublon", "Le motif ne doit pas dépasser 1 000 caractères."));
        }
        return a;
    }

    /** {@code siAbsent}: the message when the name is missing, or null when it is optional. */
    private static void nom(List<Probleme.Anomalie> a, String valeur, String champ, String siAbsent, String libelle) {
        if (valeur == null || valeur.isBlank()) {
            if (siAbsent != null) {
                a.add(new Probleme.Anomalie("OBLIGATOIRE", champ, siAbsent));
            }
        } else if (!NOM.matcher(valeur.strip()).matches()) {
            a.add(new Probleme.Anomalie("FORMAT", champ, libelle + " : seuls les lettres, espaces, tirets et apostrophes sont acceptés."));
        }
    }
}
