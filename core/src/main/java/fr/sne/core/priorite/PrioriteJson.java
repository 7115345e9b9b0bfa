package fr.sne.core.priorite;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Priority data as the API shows them. */
@Serdeable
@Schema(name = "Priorite", description = "Données de priorité partagées d'une demande (gestion partagée)")
public record PrioriteJson(
        @Schema(description = "Numéro unique de la demande") String numeroUnique,
        @Schema(description = "Statut DALO : NON, ACTIF, CADUC, ACTREL") String statutDalo,
        @Nullable @Schema(description = "Date de la décision DALO") LocalDate dateDecisionDalo,
        @Nullable @Schema(description = "Date de caducité (CADUC) ou de relogement (ACTREL)") LocalDate dateFinDalo,
        @Schema(description = "Catégories prioritaires (article L441-1 du CCH)") List<String> categories,
        @Schema(description = "Labels locaux de priorité") List<String> labelsLocaux,
        @Schema(description = "Contingents auxquels le ménage est éligible") List<String> contingents,
        @Schema(description = "Version (0 : rien n'a encore été enregistré) ; l'ETag la porte") int version,
        @Nullable @Schema(description = "Date et heure de la dernière modification") Instant modifieLe,
        @Nullable @Schema(description = "Code du guichet de la dernière modification (null : gestionnaire territorial)") String modifiePar,
        @Nullable @Schema(description = "L'auteur de la dernière modification en clair (guichet ou gestionnaire territorial)")
        String modifieParLibelle) {

    static PrioriteJson de(Priorite p) {
        return new PrioriteJson(p.numeroUnique(), p.statutDalo(), p.dateDecisionDalo(), p.dateFinDalo(), p.categories(), p.labels(),
                p.contingents(), p.version(), p.modifieLe(), p.guichet(), p.modifiePar());
    }

    static String etag(Priorite p) {
        return "\"" + p.numeroUnique() + "-priorite-" + p.version() + "\"";
    }
}
