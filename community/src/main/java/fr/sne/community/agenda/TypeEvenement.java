package fr.sne.community.agenda;

public enum TypeEvenement {
    WEBINAIRE("Webinaire"),
    REUNION("Réunion"),
    ECHEANCE("Échéance");

    private final String libelle;

    TypeEvenement(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
