package fr.sne.community.espace;

/** An explicit role in a space, strongest first. */
public enum RoleEspace {
    PROPRIETAIRE("Propriétaire"),
    MODERATEUR("Modérateur"),
    MEMBRE("Membre");

    private final String libelle;

    RoleEspace(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public boolean modere() {
        return this == PROPRIETAIRE || this == MODERATEUR;
    }
}
