package fr.sne.core.attestation;

/** Why an attestation is sent to the applicant. */
public enum MotifEnvoi {
    ENREGISTREMENT("Enregistrement"),
    VALIDATION("Validation"),
    RENOUVELLEMENT("Renouvellement");

    private final String libelle;

    MotifEnvoi(String libelle) {
        this.libelle = libelle;
    }

    public String getLibelle() {
        return libelle;
    }
}
