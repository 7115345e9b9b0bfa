package fr.sne.documents.analyse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be read reliably from a normalised text ({@link Textes#normaliser}): a value is given
 * only when the document states it one way; two different candidates give nothing.
 */
final class Extraction {

    private static final String ANNEE = "((?:19|20)\\d{2})(?!\\d)";
    private static final Pattern IMPOT_SUR_REVENUS = Pattern.compile(
            "impot (?:sur le revenu )?" + ANNEE + " sur (?:les |le )?revenus? (?:de l'annee |de )?" + ANNEE);
    private static final Pattern REVENUS_ANNEE = Pattern.compile(
            "(?<!\\w)revenus (?:de l'annee |de |percus en )?" + ANNEE);
    private static final String ANNEE_NC = "(?:19|20)\\d{2}(?!\\d)";
    /** French amounts: "23 456", "23.456", "23456", optionally ",00" and "€"/"euros". */
    private static final String MONTANT = "(\\d{1,3}(?:[ .]\\d{3}(?!\\d))+|\\d+)(?:,\\d{1,2})?";
    private static final Pattern RFR = Pattern.compile("revenu fiscal de reference(?: de l'annee " + ANNEE_NC + ")?"
            + "[ :.]*(?:" + ANNEE_NC + " ?: ?)?" + MONTANT + " ?(?:€|eur\\b|euros?\\b)?(?![\\d,])");

    private static final String MOIS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre";
    private static final String DATE = "(\\d{1,2})[ /.\\-](\\d{1,2})[ /.\\-](\\d{4})|(\\d{1,2}|1er) (" + MOIS + ") (\\d{4})";
    private static final Pattern FIN_VALIDITE = Pattern.compile(
            "(?:valable jusqu'(?:au|a|a la date du)|valide jusqu'(?:au|a)|date d'expiration|date de fin de validite"
                    + "|fin de validite|expire le|valable du (?:" + DATE.replaceAll("\\((?!\\?)", "(?:") + ") au)"
                    + " ?:? ?(?:le )?(?:" + DATE + ")");

    private Extraction() {
    }

    /** Tax notices: the year of the income ("impôt 2025 sur les revenus 2024", "revenus 2024"). */
    static Integer anneeRevenus(String texte) {
        Set<Integer> annees = new LinkedHashSet<>();
        Matcher explicite = IMPOT_SUR_REVENUS.matcher(texte);
        while (explicite.find()) {
            annees.add(Integer.parseInt(explicite.group(2)));
        }
        if (annees.isEmpty()) {
            Matcher m = REVENUS_ANNEE.matcher(texte);
            while (m.find()) {
                annees.add(Integer.parseInt(m.group(1)));
            }
        }
        return annees.size() == 1 ? annees.iterator().next() : null;
    }

    /** Tax notices: the "revenu fiscal de référence", in whole euros. */
    static Long revenuFiscalReference(String texte) {
        Set<Long> montants = new LinkedHashSet<>();
        Matcher m = RFR.matcher(texte);
        while (m.find()) {
            montants.add(Long.parseLong(m.group(1).replaceAll("[ .]", "")));
        }
        return montants.size() == 1 ? montants.iterator().next() : null;
    }

    /** The validity end date printed after "valable jusqu'au", "date d'expiration"... */
    static LocalDate finValidite(String texte) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        Matcher m = FIN_VALIDITE.matcher(texte);
        while (m.find()) {
            LocalDate date = date(m);
            if (date != null) {
                dates.add(date);
            }
        }
        return dates.size() == 1 ? dates.iterator().next() : null;
    }

    private static LocalDate date(Matcher m) {
        try {
            if (m.group(1) != null) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            int jour = m.group(4).equals("1er") ? 1 : Integer.parseInt(m.group(4));
            int mois = List.of(MOIS.split("\\|")).indexOf(m.group(5)) + 1;
            return LocalDate.of(Integer.parseInt(m.group(6)), mois, jour);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
