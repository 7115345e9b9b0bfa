package fr.sne.core.evenement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An event as a desk enters it (API body or page form), before checks: the date stays text so that
 * a malformed one is an anomaly of its field, not an unreadable body.
 */
@Serdeable
@Schema(description = "Événement saisi par un guichet")
public record SaisieEvenement(
        @Nullable @Schema(description = "Code du type d'événement (référentiel /api/v1.0/referentiels/evenements, origine GUICHET)",
                example = "TENAD00022") String type,
        @Nullable @Schema(description = "Date de survenance, au plus aujourd'hui (AAAA-MM-JJ)", example = "2026-11-20")
        String dateSurvenance,
        @Nullable @Schema(description = "Texte libre, 4 000 caractères au plus ; visible du demandeur quand l'événement l'est")
        String commentaire) {
}
