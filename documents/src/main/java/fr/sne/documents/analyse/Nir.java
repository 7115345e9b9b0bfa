package fr.sne.documents.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A social security number (NIR, INSEE registration number), kept only when its structure and
 * key are valid: sex 1/2 (7/8 for temporary numbers), year, month 01–12 or the INSEE pseudo-months
 * 20–42 and 50–99, département 01–99 or 2A/2B, commune and order 001–999, and key
 * {@code 97 - (number mod 97)} computed with 2A → 19 and 2B → 18.
 *
 * @param valeur the 15 characters, without separators
 */
public record Nir(String valeur) {

    /** One optional separator between the printed groups: space, no-break spaces, dot, dash. */
    private static final String SEP = "[ \\u00A0\\u202F\\u2009.\\-]?";
    private static final Pattern DANS_TEXTE = Pattern.compile("(?<![0-9A-Za-z])([1278])" + SEP + "(\\d{2})" + SEP
            + "(\\d{2})" + SEP + "(\\d{2}|2[AB])" + SEP + "(\\d{3})" + SEP + "(\\d{3})" + SEP + "(\\d{2})(?![0-9])");

    /** What replaces a NIR in texts handed out (metadata). */
    public static final String MASQUE = "[NIR masqué]";

    /** Where a valid NIR was found in a text. */
    public record Occurrence(Nir nir, int debut, int fin) {
    }

    public Nir {
        if (!valide(valeur)) {
            throw new IllegalArgumentException("NIR invalide");
        }
    }

    /** The NIR written in {@code texte} (separators allowed), if it is valid. */
    public static Optional<Nir> lire(String texte) {
        Matcher m = DANS_TEXTE.matcher(texte.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String compact = compact(m);
        return valide(compact) ? Optional.of(new Nir(compact)) : Optional.empty();
    }

    /** Every valid NIR of a text, with its position; numbers with a wrong key are ignored. */
    public static List<Occurrence> trouver(CharSequence texte) {
        List<Occurrence> trouves = new ArrayList<>();
        Matcher m = DANS_TEXTE.matcher(texte);
        while (m.find()) {
            String compact = compact(m);
            if (valide(compact)) {
                trouves.add(new Occurrence(new Nir(compact), m.start(), m.end()));
            }
        }
        return trouves;
    }

    /** The text with every valid NIR replaced by a neutral mark. */
    public static String masquer(String texte) {
        List<Occurrence> trouves = trouver(texte);
        if (trouves.isEmpty()) {
            return texte;
        }
        StringBuilder resultat = new StringBuilder(texte);
        for (Occurrence o : trouves.reversed()) {
            resultat.replace(o.debut(), o.fin(), MASQUE);
        }
        return resultat.toString();
    }

    private static String compact(Matcher m) {
        StringBuilder s = new StringBuilder(15);
        for (int g = 1; g <= 7; g++) {
            s.append(m.group(g));
        }
        return s.toString();
    }

    static boolean valide(String n) {
        if (n == null || n.length() != 15) {
            return false;
        }
        char sexe = n.charAt(0);
        if (sexe != '1' && sexe != '2' && sexe != '7' && sexe != '8') {
            return false;
        }
        String departement = n.substring(5, 7);
        boolean corse = departement.equals("2A") || departement.equals("2B");
        String chiffres = corse ? n.substring(0, 5) + n.substring(7) : n;
        for (int i = 0; i < chiffres.length(); i++) {
            if (!Character.isDigit(chiffres.charAt(i)) || chiffres.charAt(i) > '9') {
                return false;
            }
        }
        int mois = Integer.parseInt(n.substring(3, 5));
        boolean moisValide = (mois >= 1 && mois <= 12) || (mois >= 20 && mois <= 42) || mois >= 50;
        if (!moisValide || (!corse && departement.equals("00"))
                || n.startsWith("000", 7) || n.startsWith("000", 10)) {
            return false;
        }
        String numero = corse ? n.substring(0, 5) + (departement.equals("2A") ? "19" : "18") + n.substring(7, 13) : n.substring(0, 13);
        int cle = Integer.parseInt(n.substring(13));
        return cle == 97 - (int) (Long.parseLong(numero) % 97);
    }

    /** Printed the usual way: "1 84 12 76 451 089 46". */
    public String formate() {
        return valeur.charAt(0) + " " + valeur.substring(1, 3) + " " + valeur.substring(3, 5) + " " + valeur.substring(5, 7)
                + " " + valeur.substring(7, 10) + " " + valeur.substring(10, 13) + " " + valeur.substring(13);
    }

    /** Never the number itself: a NIR must not end up in a log line by accident. */
    @Override
    public String toString() {
        return "Nir[masqué]";
    }
}
