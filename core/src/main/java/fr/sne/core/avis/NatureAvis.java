package fr.sne.core.avis;

/** The two notices before a deadline. */
public enum NatureAvis {
    /** Two months before: e-mail and SMS, or a postal letter. */
    PREMIER_AVIS("Premier avis"),
    /** One month before, if still not renewed: a registered letter, the last notice before radiation. */
    DERNIER_AVIS("Dernier avis avant radiation");

    private final String libelle;

    NatureAvis(String libelle) {
        this.libelle = libelle;
    }

    public String getLibelle() {
        return libelle;
    }
}
