package fr.sne.core.piece;

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
public record ActionHistorique(long pieceId, NatureAction nature, Instant horodatage, String qui, String guichet,
                               Map<String, Object> detail) {
    public ActionHistorique {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
