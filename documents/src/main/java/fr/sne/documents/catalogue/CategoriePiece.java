package fr.sne.documents.catalogue;

/** The categories of supporting documents, as the desks and the portal name them. */
public enum CategoriePiece {
    IDENTITE("Identité"),
    TITRE_SEJOUR("Titre de séjour"),
    REVENU_FISCAL("Revenu fiscal"),
    RESSOURCES("Ressources"),
    SITUATION_FAMILIALE("Situation familiale"),
    LOGEMENT_ACTUEL("Logement actuel"),
    SITUATION_PARTICULIERE("Situation particulière"),
    AUTRE("Autre");

    private final String libelle;

    CategoriePiece(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
