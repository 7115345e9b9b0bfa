package fr.sne.core.doublon;

import fr.sne.core.demande.Cles;

import java.util.ArrayList;
import java.util.List;

/**
 * How alike two names are, the way desks mistype them: the keys of {@link Cles} (no case, accents,
 * hyphens or spaces), edit distance for typos, and the separate words for first names in another
 * order or a compound name given in part.
 */
final class Similarite {

    /** A similarity in [0, 1] and, below 1, what differs (French). */
    record Mesure(double valeur, String ecart) {
        static final Mesure IDENTIQUE = new Mesure(1.0, null);

        Mesure meilleure(Mesure autre) {
            return autre.valeur > valeur ? autre : this;
        }
    }

    private Similarite() {
    }

    /** The typed birth name against a candidate's birth name and usage name. */
    static Mesure nom(String saisi, String nomNaissance, String nomUsage) {
        String cle = Cles.cle(saisi);
        String cleNaissance = Cles.cle(nomNaissance);
        if (cle.equals(cleNaissance)) {
            return Mesure.IDENTIQUE;
        }
        Mesure m = new Mesure(texte(cle, cleNaissance), "nom de naissance proche (faute de frappe probable)");
        if (inclus(mots(saisi), mots(nomNaissance))) {
            m = m.meilleure(new Mesure(0.85, "nom de naissance composé donné en partie"));
        }
        if (nomUsage != null && !nomUsage.isBlank()) {
            String cleUsage = Cles.cle(nomUsage);
            m = m.meilleure(new Mesure(cle.equals(cleUsage) ? 0.95 : 0.95 * texte(cle, cleUsage),
                    "le nom saisi correspond au nom d’usage"));
        }
        return m;
    }

    /** The typed first names against a candidate's. */
    static Mesure prenoms(String saisis, String prenoms) {
        String cle = Cles.cle(saisis);
        String cleCandidat = Cles.cle(prenoms);
        if (cle.equals(cleCandidat)) {
            return Mesure.IDENTIQUE;
        }
        List<String> a = mots(saisis);
        List<String> b = mots(prenoms);
        String tries = String.join("", a.stream().sorted().toList());
        String triesCandidat = String.join("", b.stream().sorted().toList());
        Mesure m = new Mesure(texte(cle, cleCandidat), "prénoms proches (faute de frappe probable)");
        if (tries.equals(triesCandidat)) {
            m = m.meilleure(new Mesure(0.97, "prénoms dans un autre ordre"));
        } else if (a.size() > 1 || b.size() > 1) {
            m = m.meilleure(new Mesure(texte(tries, triesCandidat) - 0.03, "prénoms dans un autre ordre, avec une faute de frappe"));
        }
        if (inclus(a, b)) {
            m = m.meilleure(new Mesure(0.85, "une partie seulement des prénoms"));
        }
        return m;
    }

    /** 1 − edit distance / longest length; one slip in a short word still counts as close (0.8). */
    static double texte(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int longueur = Math.max(a.length(), b.length());
        if (longueur == 0 || a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        int d = distance(a, b);
        return Math.max(1.0 - (double) d / longueur, d == 1 ? 0.8 : 0.0);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cout = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cout);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The words of a name, each as its key ("Anne-Marie  d'Arc" → anne, marie, d, arc). */
    static List<String> mots(String s) {
        if (s == null) {
            return List.of();
        }
        List<String> mots = new ArrayList<>();
        for (String mot : s.split("[^\\p{L}\\p{N}]+")) {
            String cle = Cles.cle(mot);
            if (!cle.isEmpty()) {
                mots.add(cle);
            }
        }
        return mots;
    }

    /** Whether every word of the shorter list (of at least 3 letters in all) is in the longer one. */
    private static boolean inclus(List<String> a, List<String> b) {
        List<String> court = a.size() <= b.size() ? a : b;
        List<String> long_ = a.size() <= b.size() ? b : a;
        if (court.isEmpty() || court.size() == long_.size() || String.join("", court).length() < 3) {
            return false;
        }
        List<String> reste = new ArrayList<>(long_);
        for (String mot : court) {
            if (!reste.remove(mot)) {
                return false;
            }
        }
        return true;
    }
}
