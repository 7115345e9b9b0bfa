package fr.sne.community.info;

/**
 * An article's publication state. {@code PROGRAMME}: published at its date — readers see it from
 * that instant on (query-time rule) and {@link PublicationsProgrammees} then marks it published
 * and indexes it.
 */
public enum Statut {
    BROUILLON("Brouillon"),
    PROGRAMME("Programmé"),
    PUBLIE("Publié");

    private final String libelle;

    Statut(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public String code() {
        return name();
    }
}
