package fr.sne.core.recherche;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/** One application in a result list or an export: the register's fields and the indexed indicators, never the NIR. */
public record LigneDemande(String numeroUnique, String etat, LocalDate dateDepot, @Nullable LocalDate dateDernierRenouvellement,
                           LocalDate dateProchainRenouvellement, String guichetEnregistreur, String nomNaissance,
                           @Nullable String nomUsage, String prenoms, int tailleMenage, int ressourcesMensuelles,
                           @Nullable Integer revenuFiscal, List<String> typesLogement, List<String> communesSouhaitees,
                           boolean prioritaire, @Nullable String statutDalo, boolean handicap) {

    public LigneDemande {
        typesLogement = List.copyOf(typesLogement);
        communesSouhaitees = List.copyOf(communesSouhaitees);
    }

    /** "LEFÈVRE (épouse MARTIN) Anne Marie": birth name in capitals, usage name when different, first names. */
    public String getDemandeur() {
        String nom = nomNaissance == null ? "" : nomNaissance.toUpperCase(java.util.Locale.FRENCH);
        String usage = nomUsage == null || nomUsage.isBlank() || nomUsage.equalsIgnoreCase(nomNaissance) ? ""
                : " (usage " + nomUsage.toUpperCase(java.util.Locale.FRENCH) + ")";
        return nom + usage + " " + (prenoms == null ? "" : prenoms);
    }
}
