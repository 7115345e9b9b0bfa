package fr.sne.core.cycle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A radiation asked by a desk (API body, or read from the desk's form): the contract's
 * {@code motif}, {@code sousMotif} and {@code attribution}, with what the motif needs.
 */
@Serdeable
@Schema(description = "Demande de radiation par un guichet")
public record DemandeRadiation(
        @Schema(description = "Motif : RADATT (attribution, bail signé ; guichet bailleur uniquement), RADABA (renonciation "
                + "écrite), RADIRR (irrecevabilité), RADCON (impossibilité de contacter). RADREN est réservé au système.",
                allowableValues = {"RADATT", "RADABA", "RADIRR", "RADCON"}, requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String motif,
        @Schema(description = "Sous-motif, obligatoire pour RADIRR : IRRSEJ (irrégularité de séjour) ou IRRRES (ressources "
                + "supérieures au plafond)", allowableValues = {"IRRSEJ", "IRRRES"})
        @Nullable String sousMotif,
        @Schema(description = "RADABA : date du courrier de renonciation du demandeur (au plus tard aujourd'hui)")
        @Nullable LocalDate dateRenonciation,
        @Schema(description = "Commentaire libre (1000 caractères au plus)")
        @Nullable String commentaire,
        @Schema(description = "RADATT : l'attribution")
        @Nullable Attribution attribution) {

    /** The attribution followed by a signed lease (RADATT). */
    @Serdeable
    @Schema(description = "Attribution d'un logement suivie de la signature du bail")
    public record Attribution(
            @Schema(description = "Date de signature du bail (au plus tard aujourd'hui)", requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable LocalDate dateSignatureBail,
            @Schema(description = "Identifiant RPLS du logement (10 caractères) ; à défaut, la description du logement")
            @Nullable String rpls,
            @Schema(description = "Description du logement, si l'identifiant RPLS n'est pas connu")
            @Nullable Logement logement,
            @Schema(description = "Contingent du réservataire désignataire : COLTER, COLACT, PPRIOR, PFONCT, AUTRES ou AUCUN "
                    + "(hors contingent)", allowableValues = {"COLTER", "COLACT", "PPRIOR", "PFONCT", "AUTRES", "AUCUN"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable String contingent,
            @Schema(description = "Nom du réservataire désignataire")
            @Nullable String reservataire,
            @Schema(description = "Date de la commission d'attribution (au plus tard la date de signature du bail)")
            @Nullable LocalDate dateCommission) {
    }

    /** The dwelling, when its RPLS identifier is not known. */
    @Serdeable
    @Schema(description = "Logement attribué")
    public record Logement(
            @Schema(description = "Adresse du logement") @Nullable String adresse,
            @Schema(description = "Type (nombre de pièces) : T1 à T8, T9P", allowableValues = {"T1", "T2", "T3", "T4", "T5", "T6",
                    "T7", "T8", "T9P"}) @Nullable String type,
            @Schema(description = "Surface habitable en m²") @Nullable BigDecimal surface,
            @Schema(description = "Loyer mensuel hors charges en euros") @Nullable BigDecimal loyer) {
    }
}
