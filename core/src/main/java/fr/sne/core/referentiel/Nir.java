package fr.sne.core.referentiel;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NIR (social-security number): 13 characters and a 2-digit key, 97 − (number mod 97), with
 * Corsica's 2A and 2B counted as 19 and 18. Numbers starting with 7 or 8 are temporary numbers
 * (NIA) given while a person's registration is pending.
 */
public final class Nir {

    /** What a typed NIR turned out to be. */
    public enum Verdict { VALIDE, TEMPORAIRE, CLE_INVALIDE, FORMAT_INVALIDE }

    // sex/kind, year, month (01-12, or 20-99 when unknown), département (2 digits, 2A, 2B), commune, order, key
    private static final Pattern FORMAT = Pattern.compile(
            "([123478])(\\d{2})(0[1-9]|1[0-2]|[2-9]\\d)(\\d{2}|2A|2B)(\\d{3})(\\d{3})(\\d{2})");

    private Nir() {
    }

    /** Spaces, dots and dashes removed, upper case (2a → 2A). */
    public static String normaliser(String saisie) {
        return saisie == null ? "" : saisie.replaceAll("[\\s.\\-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static Verdict verifier(String saisie) {
        String nir = normaliser(saisie);
        Matcher m = FORMAT.matcher(nir);
        if (!m.matches()) {
            return Verdict.FORMAT_INVALIDE;
        }
        if (cle(nir.substring(0, 13)).map(k -> k != Integer.parseInt(m.group(7))).orElse(true)) {
            return Verdict.CLE_INVALIDE;
        }
        return m.group(1).equals("7") || m.group(1).equals("8") ? Verdict.TEMPORAIRE : Verdict.VALIDE;
    }

    /** The key of the first 13 characters, or empty when they are not a NIR body. */
    static Optional<Integer> cle(String corps) {
        if (corps.length() != 13) {
            return Optional.empty();
        }
        String chiffres = corps.substring(0, 5) + corps.substring(5, 7).replace("2A", "19").replace("2B", "18") + corps.substring(7);
        if (!chiffres.matches("\\d{13}")) {
            return Optional.empty();
        }
        return Optional.of((int) (97 - Long.parseLong(chiffres) % 97));
    }
}
