package fr.sne.core.recherche;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of an export: what a desk needs to work through a list, nothing more (no NIR, no
 * contact details, no birth date; the application itself holds the rest).
 */
final class ColonnesExport {

    static final List<String> ENTETE = List.of("Numéro unique", "État", "Date de dépôt", "Dernier renouvellement",
            "Prochain renouvellement", "Guichet enregistreur", "Nom de naissance", "Nom d’usage", "Prénoms",
            "Taille du ménage", "Ressources mensuelles (€)", "Revenu fiscal de référence (€)", "Types de logement",
            "Communes souhaitées (INSEE)", "Prioritaire", "Statut DALO", "Handicap");

    private ColonnesExport() {
    }

    static List<Object> valeurs(LigneDemande l) {
        return new ArrayList<>(Arrays.asList(l.numeroUnique(), "ACTIVE".equals(l.etat()) ? "Active" : "Radiée", l.dateDepot(),
                l.dateDernierRenouvellement(), l.dateProchainRenouvellement(), l.guichetEnregistreur(), l.nomNaissance(),
                l.nomUsage(), l.prenoms(), l.tailleMenage(), l.ressourcesMensuelles(), l.revenuFiscal(),
                String.join(", ", l.typesLogement()), String.join(", ", l.communesSouhaitees()),
                l.prioritaire() ? "oui" : "non", l.statutDalo(), l.handicap() ? "oui" : "non"));
    }
}
