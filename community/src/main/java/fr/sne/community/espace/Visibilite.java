package fr.sne.community.espace;

/** Who a space admits (beyond its explicit members), with the label shown to people. */
public enum Visibilite {
    PROFESSIONNELS("Tous les professionnels habilités"),
    TERRITOIRE("Les professionnels d'un territoire"),
    PROFIL("Les professionnels d'un profil"),
    INVITATION("Sur invitation");

    private final String libelle;

    Visibilite(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
