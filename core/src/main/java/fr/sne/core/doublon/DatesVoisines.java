package fr.sne.core.doublon;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The birth dates a typing slip could have turned the real one into: day and month swapped, one
 * digit changed, two neighbouring digits swapped. A few dozen dates at most, each looked up
 * through the duplicates index.
 */
final class DatesVoisines {

    /** How a stored date relates to the typed one, and how much that lowers the score. */
    enum Ecart {
        IDENTIQUE(1.0, null),
        JOUR_MOIS_INVERSES(0.9, "jour et mois de naissance inversés"),
        CHIFFRES_INVERSES(0.85, "deux chiffres de la date de naissance inversés"),
        UN_CHIFFRE(0.85, "un chiffre de la date de naissance diffère");

        final double facteur;
        final String libelle;

        Ecart(double facteur, String libelle) {
            this.facteur = facteur;
            this.libelle = libelle;
        }
    }

    private static final LocalDate PLUS_ANCIENNE = LocalDate.of(1900, 1, 1);

    private DatesVoisines() {
    }

    /** The typed date and its plausible slips up to {@code aujourdhui}, each with the closest relation. */
    static Map<LocalDate, Ecart> de(LocalDate date, LocalDate aujourdhui) {
        Map<LocalDate, Ecart> dates = new LinkedHashMap<>();
        dates.put(date, Ecart.IDENTIQUE);
        if (date.getDayOfMonth() <= 12 && date.getDayOfMonth() != date.getMonthValue()) {
            ajouter(dates, date.getYear(), date.getDayOfMonth(), date.getMonthValue(), Ecart.JOUR_MOIS_INVERSES, aujourdhui);
        }
        char[] chiffres = "%04d%02d%02d".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth()).toCharArray();
        for (int i = 0; i + 1 < chiffres.length; i++) {
            if (chiffres[i] != chiffres[i + 1]) {
                char[] c = chiffres.clone();
                c[i] = chiffres[i + 1];
                c[i + 1] = chiffres[i];
                ajouter(dates, c, Ecart.CHIFFRES_INVERSES, aujourdhui);
            }
        }
        for (int i = 0; i < chiffres.length; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != chiffres[i]) {
                    char[] c = chiffres.clone();
                    c[i] = d;
                    ajouter(dates, c, Ecart.UN_CHIFFRE, aujourdhui);
                }
            }
        }
        return dates;
    }

    private static void ajouter(Map<LocalDate, Ecart> dates, char[] c, Ecart ecart, LocalDate aujourdhui) {
        String s = new String(c);
        ajouter(dates, Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                Integer.parseInt(s.substring(6, 8)), ecart, aujourdhui);
    }

    private static void ajouter(Map<LocalDate, Ecart> dates, int annee, int mois, int jour, Ecart ecart, LocalDate aujourdhui) {
        LocalDate d;
        try {
            d = LocalDate.of(annee, mois, jour);
        } catch (DateTimeException impossible) {
            return;
        }
        if (d.isBefore(PLUS_ANCIENNE) || d.isAfter(aujourdhui)) {
            return;
        }
        // the first relation found is the closest (the map is filled from the closest kind on)
        dates.putIfAbsent(d, ecart);
    }
}
