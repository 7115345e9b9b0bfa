package fr.sne.core.numero;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unique number of an application: territory (3) + MMYY of the filing date (4) + sequence
 * (6) + registering desk (5), without spaces, e.g. {@code 038112500012338001}.
 */
public record NumeroUnique(String territoire, String mois, int sequence, String guichet) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{3})((?:0[1-9]|1[0-2])\\d{2})(\\d{6})([0-9A-Z]{5})");

    public NumeroUnique {
        if (!territoire.matches("\\d{3}") || !mois.matches("(0[1-9]|1[0-2])\\d{2}") || sequence < 1 || sequence > 999_999
                || !guichet.matches("[0-9A-Z]{5}")) {
            throw new IllegalArgumentException("Numéro unique invalide");
        }
    }

    public static String mois(LocalDate dateDepot) {
        return String.format("%02d%02d", dateDepot.getMonthValue(), dateDepot.getYear() % 100);
    }

    /** Reads a number as typed or received; the format is checked, not the existence. */
    public static NumeroUnique lire(String texte) {
        Matcher m = FORMAT.matcher(texte == null ? "" : texte.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("Numéro unique invalide : " + texte);
        }
        return new NumeroUnique(m.group(1), m.group(2), Integer.parseInt(m.group(3)), m.group(4));
    }

    @Override
    public String toString() {
        return territoire + mois + String.format("%06d", sequence) + guichet;
    }
}
