package fr.sne.core.attestation;

import java.util.Optional;

/** The two registration attestations: the one-page simplified one (e-mailed, posted) and the full legal one. */
public enum TypeAttestation {
    SIMPLIFIEE("simplifiee", "attestation-simplifiee", "Attestation d’enregistrement simplifiée"),
    COMPLETE("complete", "attestation-complete", "Attestation d’enregistrement");

    private final String parametre;
    private final String gabarit;
    private final String titre;

    TypeAttestation(String parametre, String gabarit, String titre) {
        this.parametre = parametre;
        this.gabarit = gabarit;
        this.titre = titre;
    }

    /** The value of the {@code type} query parameter ({@code simplifiee}, {@code complete}). */
    public String parametre() {
        return parametre;
    }

    String gabarit() {
        return gabarit;
    }

    public String titre() {
        return titre;
    }

    /** The type named by a query parameter; empty for an unknown value. */
    public static Optional<TypeAttestation> de(String parametre) {
        for (TypeAttestation t : values()) {
            if (t.parametre.equalsIgnoreCase(parametre)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
