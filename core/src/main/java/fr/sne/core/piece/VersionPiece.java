package fr.sne.core.piece;

/** Which bytes of a document are served. */
public enum VersionPiece {
    /** What was deposited. */
    ORIGINAL("original"),
    /** A PDF whose pages are re-rendered with every NIR blacked out. */
    MASQUEE("version masquée"),
    /** An image downscaled and re-encoded, without EXIF/GPS metadata. */
    APERCU("aperçu");

    private final String libelle;

    VersionPiece(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
