package fr.sne.core.avis;

/** How a notice reaches the applicant. */
public enum Canal {
    COURRIEL("Courriel"),
    SMS("SMS"),
    COURRIER("Courrier postal"),
    RECOMMANDE("Lettre recommandée");

    private final String libelle;

    Canal(String libelle) {
        this.libelle = libelle;
    }

    public String getLibelle() {
        return libelle;
    }

    /** Sent by the job (e-mail, SMS) rather than printed by a desk. */
    public boolean numerique() {
        return this == COURRIEL || this == SMS;
    }
}
