package fr.sne.core.gdm;

import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A checked request for the feed: {@code depuis} (required instant), {@code communes} (INSEE codes,
 * sorted, no repeats, empty = all), {@code limite} (1..1000) and the raw cursor, if any.
 */
record RequeteMouvements(Instant depuis, List<String> communes, int limite, @Nullable String curseur) {

    static final int LIMITE_PAR_DEFAUT = 100;
    static final int LIMITE_MAX = 1000;
    static final int COMMUNES_MAX = 500;
    private static final Pattern INSEE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

    RequeteMouvements {
        communes = List.copyOf(communes);
    }

    /** The query's identity for its cursors: {@code depuis} to the microsecond and the communes. */
    String empreinte() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, depuis) + "|" + String.join(",", communes);
    }

    /** Checks the raw parameters; throws {@link RequeteInvalide} listing every anomaly. */
    static RequeteMouvements lire(@Nullable String depuis, @Nullable String communes, @Nullable String limite,
                                  @Nullable String curseur) {
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        Instant instant = instant(depuis, anomalies);
        List<String> codes = communes(communes, anomalies);
        int n = limite(limite, anomalies);
        if (curseur != null && curseur.isBlank()) {
            anomalies.add(new Probleme.Anomalie("FORMAT", "curseur", "Le curseur est vide : omettez-le pour lire la première page."));
        }
        if (!anomalies.isEmpty()) {
            throw new RequeteInvalide(anomalies);
        }
        return new RequeteMouvements(instant, codes, n, curseur);
    }

    private static Instant instant(@Nullable String valeur, List<Probleme.Anomalie> anomalies) {
        if (valeur == null || valeur.isBlank()) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "depuis",
                    "Indiquez depuis quel instant lire les mouvements (ISO-8601, ex. 2025-03-14T14:36:00Z)."));
            return null;
        }
        // an unencoded "+" of an offset arrives as a space
        String v = valeur.strip().replace(' ', '+');
        try {
            Instant i = OffsetDateTime.parse(v).toInstant();
            if (i.getNano() % 1000 != 0) {
                i = i.truncatedTo(ChronoUnit.MICROS);
            }
            if (i.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || i.isAfter(Instant.parse("9999-01-01T00:00:00Z"))) {
                anomalies.add(new Probleme.Anomalie("HORS_LIMITES", "depuis", "L'instant doit être postérieur au 1er janvier 2000."));
                return null;
            }
            return i;
        } catch (DateTimeParseException e) {
            anomalies.add(new Probleme.Anomalie("FORMAT", "depuis",
                    "Instant ISO-8601 attendu avec son fuseau, ex. 2025-03-14T14:36:00Z ou 2025-03-14T15:36:00%2B01:00."));
            return null;
        }
    }

    private static List<String> communes(@Nullable String valeur, List<Probleme.Anomalie> anomalies) {
        if (valeur == null || valeur.isBlank()) {
            return List.of();
        }
        TreeSet<String> codes = new TreeSet<>();
        List<String> invalides = new ArrayList<>();
        for (String c : valeur.split(",", -1)) {
            String code = c.strip();
            if (INSEE.matcher(code).matches()) {
                codes.add(code);
            } else {
                invalides.add(code);
            }
        }
        if (!invalides.isEmpty()) {
            String exemples = String.join(", ", invalides.subList(0, Math.min(5, invalides.size())));
            anomalies.add(new Probleme.Anomalie("FORMAT", "communes",
                    "Codes INSEE de commune attendus (5 caractères, ex. 38185), séparés par des virgules ; invalides : « "
                            + (exemples.length() > 100 ? exemples.substring(0, 100) + "…" : exemples) + " »."));
        } else if (codes.size() > COMMUNES_MAX) {
            anomalies.add(new Probleme.Anomalie("TROP_NOMBREUX", "communes",
                    "Au plus " + COMMUNES_MAX + " communes par appel ; omettez « communes » pour tout le territoire."));
        }
        return List.copyOf(codes);
    }

    private static int limite(@Nullable String valeur, List<Probleme.Anomalie> anomalies) {
        if (valeur == null || valeur.isBlank()) {
            return LIMITE_PAR_DEFAUT;
        }
        try {
            int n = Integer.parseInt(valeur.strip());
            if (n >= 1 && n <= LIMITE_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        anomalies.add(new Probleme.Anomalie("HORS_LIMITES", "limite", "Nombre entier de 1 à " + LIMITE_MAX + " attendu."));
        return LIMITE_PAR_DEFAUT;
    }

    /** The request's anomalies. */
    static final class RequeteInvalide extends RuntimeException {
        private final transient List<Probleme.Anomalie> anomalies;

        RequeteInvalide(List<Probleme.Anomalie> anomalies) {
            super("Requête de mouvements invalide", null, false, false);
            this.anomalies = List.copyOf(anomalies);
        }

        List<Probleme.Anomalie> anomalies() {
            return anomalies;
        }
    }
}
