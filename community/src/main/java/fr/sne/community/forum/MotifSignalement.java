package fr.sne.community.forum;

/** Why a member flags a post. */
public enum MotifSignalement {
    SPAM("Spam ou publicité"),
    HORS_SUJET("Hors sujet"),
    INAPPROPRIE("Propos inappropriés"),
    DONNEES_PERSONNELLES("Données personnelles (d’un demandeur, par exemple)"),
    AUTRE("Autre motif");

    private final String libelle;

    MotifSignalement(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public String code() {
        return name();
    }
}
