package fr.sne.community.recherche;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;

/** The date facet's ranges, counted back from now; they do not overlap. */
public enum Periode {
    MOIS("mois", "Moins d’un mois"),
    ANNEE("annee", "De un mois à un an"),
    CINQ_ANS("cinq-ans", "De un à cinq ans"),
    ANCIEN("ancien", "Plus de cinq ans");

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final String code;
    private final String libelle;

    Periode(String code, String libelle) {
        this.code = code;
        this.libelle = libelle;
    }

    public String code() {
        return code;
    }

    public String libelle() {
        return libelle;
    }

    public static Optional<Periode> deCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /** Inclusive lower bound in epoch milliseconds. */
    long debut(Instant maintenant) {
        ZonedDateTime now = maintenant.atZone(PARIS);
        return switch (this) {
            case MOIS -> now.minusMonths(1).toInstant().toEpochMilli();
            case ANNEE -> now.minusYears(1).toInstant().toEpochMilli();
            case CINQ_ANS -> now.minusYears(5).toInstant().toEpochMilli();
            case ANCIEN -> Long.MIN_VALUE;
        };
    }

    /** Inclusive upper bound in epoch milliseconds (dates in the future count in the first range). */
    long fin(Instant maintenant) {
        return switch (this) {
            case MOIS -> Long.MAX_VALUE;
            case ANNEE -> MOIS.debut(maintenant) - 1;
            case CINQ_ANS -> ANNEE.debut(maintenant) - 1;
            case ANCIEN -> CINQ_ANS.debut(maintenant) - 1;
        };
    }
}
