package fr.sne.community.assistance.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a ticket stands against its targets, at a given instant.
 *
 * @param premiereReponse the first public reply by an agent
 * @param resolution      the resolution
 */
public record EtatSla(Cible premiereReponse, Cible resolution) {

    /** Share of the target after which a still-open target is "close to breach". */
    static final double SEUIL_PROCHE = 0.8;

    public enum Niveau {
        RESPECTE("Dans les délais", "fr-icon-success-line"),
        PROCHE("Échéance proche", "fr-icon-warning-line"),
        DEPASSE("Délai dépassé", "fr-icon-error-warning-line"),
        ATTEINT("Atteint dans les délais", "fr-icon-check-line"),
        ATTEINT_EN_RETARD("Atteint en retard", "fr-icon-time-line");

        private final String libelle;
        private final String icone;

        Niveau(String libelle, String icone) {
            this.libelle = libelle;
            this.icone = icone;
        }

        public String libelle() {
            return libelle;
        }

        public String icone() {
            return icone;
        }

        /** Needs the agents' attention. */
        public boolean alerte() {
            return this == PROCHE || this == DEPASSE;
        }
    }

    /** One target: its deadline and level. */
    public record Cible(Instant echeance, Niveau niveau) {
    }

    /** The worst level of the two: what a queue shows. */
    public Niveau pire() {
        Niveau a = premiereReponse.niveau();
        Niveau b = resolution.niveau();
        return rang(a) >= rang(b) ? a : b;
    }

    private static int rang(Niveau n) {
        return switch (n) {
            case ATTEINT -> 0;
            case RESPECTE -> 1;
            case ATTEINT_EN_RETARD -> 2;
            case PROCHE -> 3;
            case DEPASSE -> 4;
        };
    }

    /**
     * Computes one target: {@code atteintLe} null while it is still open.
     */
    static Cible cible(CalendrierOuvre calendrier, Instant debut, Duration objectif, Instant atteintLe, Instant maintenant) {
        Instant echeance = calendrier.echeance(debut, objectif);
        if (atteintLe != null) {
            return new Cible(echeance, atteintLe.isAfter(echeance) ? Niveau.ATTEINT_EN_RETARD : Niveau.ATTEINT);
        }
        if (maintenant.isAfter(echeance)) {
            return new Cible(echeance, Niveau.DEPASSE);
        }
        Duration ecoule = calendrier.ouvre(debut, maintenant);
        boolean proche = ecoule.toSeconds() >= objectif.toSeconds() * SEUIL_PROCHE;
        return new Cible(echeance, proche ? Niveau.PROCHE : Niveau.RESPECTE);
    }

    /**
     * A ticket's state: created at {@code creeLe}, first answered at {@code premiereReponseLe},
     * resolved at {@code resoluLe} (null while not).
     */
    public static EtatSla de(CalendrierOuvre calendrier, ObjectifSla objectif, Instant creeLe, Instant premiereReponseLe,
                             Instant resoluLe, Instant maintenant) {
        return new EtatSla(cible(calendrier, creeLe, objectif.premiereReponse(), premiereReponseLe, maintenant),
                cible(calendrier, creeLe, objectif.resolution(), resoluLe, maintenant));
    }
}
