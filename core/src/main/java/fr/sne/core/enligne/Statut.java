package fr.sne.core.enligne;

/** Where an online application stands, as the applicant reads it. */
public enum Statut {
    BROUILLON("Brouillon"),
    SOUMISE("En attente de validation"),
    VALIDEE("Enregistrée"),
    REFUSEE("Refusée");

    private final String libelle;

    Statut(String libelle) {
        this.libelle = libelle;
    }

    public String getLibelle() {
        return libelle;
    }
}
