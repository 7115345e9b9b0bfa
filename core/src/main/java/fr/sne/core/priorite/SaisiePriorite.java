package fr.sne.core.priorite;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Priority data as entered (API body or page form), before checks: dates stay text so that a malformed one is a field's anomaly. */
@Serdeable
@Schema(name = "SaisiePriorite", description = "Données de priorité partagées d'une demande")
public record SaisiePriorite(
        @Nullable @Schema(description = "Statut DALO : NON, ACTIF, CADUC ou ACTREL (actif relogé)", example = "ACTIF") String statutDalo,
        @Nullable @Schema(description = "Date de la décision favorable de la commission de médiation (AAAA-MM-JJ) ; "
                + "obligatoire sauf pour NON") String dateDecisionDalo,
        @Nullable @Schema(description = "Date de caducité (CADUC) ou de relogement (ACTREL), obligatoire pour ces statuts (AAAA-MM-JJ)")
        String dateFinDalo,
        @Nullable @Schema(description = "Catégories prioritaires de l'article L441-1 du CCH retenues (codes de la liste "
                + "categoriePrioritaire, ex. HAND, DEFAV, VIOL)") List<String> categories,
        @Nullable @Schema(description = "Labels locaux de priorité (texte libre, 10 au plus, 100 caractères chacun)")
        List<String> labelsLocaux,
        @Nullable @Schema(description = "Contingents auxquels le ménage est éligible : COLTER, COLACT, PPRIOR, PFONCT, AUTRES, "
                + "ou AUCUN (hors contingent, seul)") List<String> contingents) {

    public List<String> categoriesOuVide() {
        return categories == null ? List.of() : categories;
    }

    public List<String> labelsOuVide() {
        return labelsLocaux == null ? List.of() : labelsLocaux;
    }

    public List<String> contingentsOuVide() {
        return contingents == null ? List.of() : contingents;
    }
}
