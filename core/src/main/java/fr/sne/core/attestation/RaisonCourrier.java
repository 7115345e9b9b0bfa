package fr.sne.core.attestation;

/** Why an attestation goes by post rather than by e-mail. */
public enum RaisonCourrier {
    SANS_COURRIEL("Pas d’adresse électronique"),
    ASSISTE("Demandeur accompagné : envoi postal"),
    REFUS("Adresse électronique refusée"),
    REBOND("Courriel non distribué"),
    ECHECS("Échecs répétés de l’envoi par courriel");

    private final String libelle;

    RaisonCourrier(String libelle) {
        this.libelle = libelle;
    }

    public String getLibelle() {
        return libelle;
    }
}
