package fr.sne.bench.scenario.consultation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The birth dates the product's duplicate search looks up for a typed one (day and month
 * swapped, two neighbouring digits swapped, one digit changed), written again here so that the
 * baseline runs the product's very query (the product's class is internal to its package).
 */
final class DatesVoisines {

    private static final LocalDate PLUS_ANCIENNE = LocalDate.of(1900, 1, 1);

    private DatesVoisines() {
    }

    static Set<LocalDate> de(LocalDate date, LocalDate aujourdhui) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        dates.add(date);
        if (date.getDayOfMonth() <= 12 && date.getDayOfMonth() != date.getMonthValue()) {
            ajouter(dates, date.getYear(), date.getDayOfMonth(), date.getMonthValue(), aujourdhui);
        }
        char[] chiffres = "%04d%02d%02d".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth()).toCharArray();
        for (int i = 0; i + 1 < chiffres.length; i++) {
            if (chiffres[i] != chiffres[i + 1]) {
                char[] c = chiffres.clone();
                c[i] = chiffres[i + 1];
                c[i + 1] = chiffres[i];
                ajouter(dates, c, aujourdhui);
            }
        }
        for (int i = 0; i < chiffres.length; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != chiffres[i]) {
                    char[] c = chiffres.clone();
                    c[i] = d;
                    ajouter(dates, c, aujourdhui);
                }
            }
        }
        return dates;
    }

    private static void ajouter(Set<LocalDate> dates, char[] c, LocalDate aujourdhui) {
        String s = new String(c);
        ajouter(dates, Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6, 8)),
                aujourdhui);
    }

    private static void ajouter(Set<LocalDate> dates, int annee, int mois, int jour, LocalDate aujourdhui) {
        try {
            LocalDate d = LocalDate.of(annee, mois, jour);
            if (!d.isBefore(PLUS_ANCIENNE) && !d.isAfter(aujourdhui)) {
                dates.add(d);
            }
        } catch (DateTimeException impossible) {
            // not a date
        }
    }
}
