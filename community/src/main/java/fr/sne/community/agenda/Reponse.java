package fr.sne.community.agenda;

/** An answer to an invitation (RSVP). */
public enum Reponse {
    OUI("Oui"),
    PEUT_ETRE("Peut-être"),
    NON("Non");

    private final String libelle;

    Reponse(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public String code() {
        return name();
    }
}
