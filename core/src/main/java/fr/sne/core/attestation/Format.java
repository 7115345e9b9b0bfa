package fr.sne.core.attestation;

import java.text.Normalizer;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** French wording of dates, counts, amounts and numbers, as a person reads them on paper. */
final class Format {

    private static final DateTimeFormatter MOIS_ANNEE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final char ESPACE_INSECABLE = '\u00a0';

    private Format() {
    }

    /** "1er janvier 2026", "3 novembre 2025"; null stays null. */
    static String date(LocalDate date) {
        if (date == null) {
            return null;
        }
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + MOIS_ANNEE.format(date);
    }

    /** "11 480" with a non-breaking space between groups (the fonts of the PDF have that one). */
    static String nombre(long n) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(n).replace('\u202f', ESPACE_INSECABLE)
                .replace(' ', ESPACE_INSECABLE);
    }

    static String euros(long n) {
        return nombre(n) + ESPACE_INSECABLE + "€";
    }

    /** "1 logement", "2 350 logements". */
    static String pluriel(long n, String singulier, String pluriel) {
        return nombre(n) + " " + (Math.abs(n) >= 2 ? pluriel : singulier);
    }

    /** The unique number in its groups: territory, month and year, sequence, desk ("038 1125 000123 38001"). */
    static String numero(String numero) {
        if (numero == null || numero.length() != 18) {
            return numero;
        }
        return numero.substring(0, 3) + " " + numero.substring(3, 7) + " " + numero.substring(7, 13) + " " + numero.substring(13);
    }

    /** Upper case without accents, as La Poste wants the last line of an address ("38000 SAINT-EGREVE"). */
    static String postal(String texte) {
        if (texte == null) {
            return null;
        }
        String sans = Normalizer.normalize(texte, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return sans.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").toUpperCase(Locale.FRENCH);
    }

    /** A French ten-digit number in pairs ("06 06 06 06 06"); anything else as written. */
    static String telephone(String numero) {
        if (numero == null) {
            return null;
        }
        String chiffres = numero.replaceAll("[\\s.-]", "");
        return chiffres.matches("0[0-9]{9}") ? chiffres.replaceAll("(..)(?!$)", "$1 ") : numero.strip();
    }

    static boolean vide(String s) {
        return s == null || s.isBlank();
    }
}
