package fr.sne.core.piece;

/** The kinds of entries in a document's history. */
public enum NatureAction {
    DEPOSEE("Déposée"),
    ANALYSEE("Analysée"),
    CONSULTEE("Consultée"),
    TELECHARGEE("Téléchargée"),
    REQUALIFIEE("Requalifiée"),
    SUPPRIMEE("Supprimée");

    private final String libelle;

    NatureAction(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
