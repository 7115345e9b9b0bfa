package fr.sne.tenants.piece;

/**
 * What can be done with an application's supporting documents. The "sensible" actions concern
 * sensitive types (violence, pregnancy, medical...) and the original of a document whose NIR was
 * masked; the others the rest.
 */
public enum ActionPiece {
    /** See the list of the non-sensitive documents. */
    LISTER,
    /** See the sensitive documents in the list too. */
    LISTER_SENSIBLE,
    /** Open or download a non-sensitive document (its masked or preview version when there is one). */
    OUVRIR,
    /** Open a sensitive document, and the original of a NIR-masked document or of a photo. */
    OUVRIR_SENSIBLE,
    DEPOSER,
    /** Type, validity, relevance, comment, page ranges. */
    QUALIFIER,
    SUPPRIMER
}
