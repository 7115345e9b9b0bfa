package fr.sne.documents.catalogue;

/** Who deposited a document: the channel it came through. */
public enum Deposant {
    GUICHET("Guichet"),
    DEMANDEUR("Demandeur"),
    SERVICE_NUMERISATION("Service de numérisation"),
    EDITEUR("Système d'un éditeur");

    private final String libelle;

    Deposant(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
