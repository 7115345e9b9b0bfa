package fr.sne.core.referentiel;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text compared the way people type it: no case, no accents, ligatures spelt out, punctuation as spaces. */
public final class Normalisation {

    // compiled once: every registration, duplicates search and import compares names through here
    private static final Pattern MARQUES = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATEURS = Pattern.compile("[^a-z0-9]+");

    private Normalisation() {
    }

    public static String normaliser(String s) {
        if (s == null) {
            return "";
        }
        String lower = s.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        String sansAccents = MARQUES.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATEURS.matcher(sansAccents).replaceAll(" ").strip();
    }

    /** Jaro-Winkler similarity in [0, 1]. */
    static double similarite(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        int fenetre = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] ma = new boolean[a.length()];
        boolean[] mb = new boolean[b.length()];
        int communs = 0;
        for (int i = 0; i < a.length(); i++) {
            for (int j = Math.max(0, i - fenetre); j < Math.min(b.length(), i + fenetre + 1); j++) {
                if (!mb[j] && a.charAt(i) == b.charAt(j)) {
                    ma[i] = true;
                    mb[j] = true;
                    communs++;
                    break;
                }
            }
        }
        if (communs == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (ma[i]) {
                while (!mb[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = communs;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
        int prefixe = 0;
        while (prefixe < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefixe) == b.charAt(prefixe)) {
            prefixe++;
        }
        return jaro + prefixe * 0.1 * (1 - jaro);
    }
}
