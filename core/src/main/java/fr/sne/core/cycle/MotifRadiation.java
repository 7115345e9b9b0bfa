package fr.sne.core.cycle;

import java.util.Optional;

/**
 * Why an application is radiated (interfaceNuu codes, labels of the list {@code motifRadiation}).
 * {@link #RADREN} is the register's own, at the renewal deadline: no desk and no vendor sends it.
 */
public enum MotifRadiation {
    RADATT("Attribution d’un logement (bail signé)"),
    RADABA("Abandon de la demande (renonciation écrite)"),
    RADIRR("Irrecevabilité de la demande"),
    RADCON("Impossibilité de contacter le demandeur"),
    RADREN("Non-renouvellement");

    private final String libelle;

    MotifRadiation(String libelle) {
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

    /** Only after a warning event recorded at least a month earlier. */
    public boolean exigeAvertissement() {
        return this == RADCON || this == RADIRR;
    }

    public static Optional<MotifRadiation> de(String code) {
        for (MotifRadiation m : values()) {
            if (m.name().equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The sub-motifs of {@link #RADIRR} (list {@code sousMotifRadiationIrrecevabilite}). */
    public enum SousMotif {
        IRRSEJ("Irrégularité de séjour"),
        IRRRES("Ressources supérieures au plafond");

        private final String libelle;

        SousMotif(String libelle) {
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

        public static Optional<SousMotif> de(String code) {
            for (SousMotif s : values()) {
                if (s.name().equals(code)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }
}
