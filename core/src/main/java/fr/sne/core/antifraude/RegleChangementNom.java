package fr.sne.core.antifraude;

import fr.sne.core.demande.Cles;

/**
 * When a desk's change of a birth name or of first names is minor, hence applied at once.
 * <p>
 * Both values are first reduced to their letters: no case, no accents, ligatures spelt out
 * ({@code œ} → {@code oe}), and no hyphens, spaces, apostrophes or other punctuation — the keys
 * of the duplicate check ({@link Cles}). The change is minor when:
 * <ul>
 *   <li>there was no value before (a name completed, not changed);</li>
 *   <li>or the letters are the same ("Lefèvre-Martin" → "LEFEVRE MARTIN");</li>
 *   <li>or at most 2 letters differ: each letter added, removed or replaced counts as one
 *   (Levenshtein distance, so two swapped letters count as two), and never more than a third
 *   of the former letters, rounded up — so a name of 1 to 3 letters may change by one letter only
 *   ("LI" → "LY" is minor, "LI" → "WU" is not).</li>
 * </ul>
 * Erasing a value (nothing left but punctuation) is never minor.
 */
public final class RegleChangementNom {

    /** The most letters a minor change may touch. */
    public static final int ECARTS_MAXIMUM = 2;

    private RegleChangementNom() {
    }

    /** Whether changing {@code avant} into {@code apres} is minor (identical values are). */
    public static boolean mineur(String avant, String apres) {
        String a = Cles.cle(avant);
        String b = Cles.cle(apres);
        if (a.isEmpty()) {
            return true;
        }
        if (b.isEmpty()) {
            return false;
        }
        return ecarts(a, b) <= ecartsPermis(a);
    }

    /** How many letters may differ from these former letters: 2, but at most a third of them rounded up. */
    static int ecartsPermis(String lettresAvant) {
        return Math.min(ECARTS_MAXIMUM, (lettresAvant.length() + 2) / 3);
    }

    /** Letters added, removed or replaced to go from one to the other (Levenshtein distance). */
    static int ecarts(String a, String b) {
        int[] precedente = new int[b.length() + 1];
        int[] courante = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            precedente[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            courante[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int remplacement = precedente[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                courante[j] = Math.min(remplacement, Math.min(precedente[j] + 1, courante[j - 1] + 1));
            }
            int[] t = precedente;
            precedente = courante;
            courante = t;
        }
        return precedente[b.length()];
    }
}
