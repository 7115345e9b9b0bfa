package fr.sne.core.piece;

/**
 * A qualification based on a version that is no longer the document's: someone changed it (or
 * the analysis set its type) meanwhile. Nothing was written; the API answers 412, pages 409.
 */
public final class PieceModifiee extends RuntimeException {

    private final transient PieceJustificative actuelle;

    public PieceModifiee(PieceJustificative actuelle) {
        super("La pièce " + actuelle.id() + " a été modifiée depuis votre lecture");
        this.actuelle = actuelle;
    }

    public PieceJustificative actuelle() {
        return actuelle;
    }
}
