package fr.sne.core.piece;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a document's history.
 *
 * @param qui     who, as the reader may see it: a person and their desk for professionals; for the
 *                applicant, never an agent's name ("Vous", the desk, or "L'administration")
 * @param guichet the desk acted for, if any
 * @param detail  what changed or which version was served (codes and values, no nominative text)
 */
@Serdeable
@Schema(name = "ActionPiece", description = "Entrée de l'historique d'une pièce")
public record ActionHistorique(@Schema(description = "Identifiant de la pièce") long pieceId,
                               @Schema(description = "DEPOSEE, ANALYSEE, CONSULTEE, TELECHARGEE, REQUALIFIEE ou SUPPRIMEE")
                               NatureAction nature,
                               @Schema(description = "Date et heure") Instant horodatage,
                               @Schema(description = "Qui (le guichet pour le demandeur)") String qui,
                               @Schema(description = "Code du guichet, s'il y en a un") String guichet,
                               @Schema(description = "Détail : champs changés, version servie…") Map<String, Object> detail) {
    public ActionHistorique {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
