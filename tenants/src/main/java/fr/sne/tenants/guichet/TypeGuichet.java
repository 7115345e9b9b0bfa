package fr.sne.tenants.guichet;

/** The kinds of registering desks, with their French labels. */
public enum TypeGuichet {
    BAILLEUR("Bailleur"),
    COMMUNE("Commune"),
    EPCI("EPCI"),
    ETAT("Services de l'État"),
    RESERVATAIRE("Réservataire"),
    CCAS_AUTRE("CCAS / autre"),
    PORTAIL("Portail");

    private final String libelle;

    TypeGuichet(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public String getCode() {
        return name();
    }

    public String getLibelle() {
        return libelle;
    }
}
