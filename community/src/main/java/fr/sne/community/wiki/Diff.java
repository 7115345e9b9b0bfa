package fr.sne.community.wiki;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differences between two texts, line by line (longest common subsequence), with a word-level
 * detail for a line replaced by one other line. Shown with {@code <ins>}/{@code <del>} and text
 * labels, so the change is not told by colour alone.
 */
public final class Diff {

    /** Above this, a quadratic comparison is too costly: the texts are shown as replaced wholesale. */
    static final int MAX_CELLULES = 4_000_000;
    private static final Pattern MOTS = Pattern.compile("\\s+|[^\\s]+");

    public enum Nature { IDENTIQUE, AJOUT, SUPPRESSION }

    /** A piece of a line's text, kept, added or removed. */
    public record Morceau(Nature nature, String texte) {
    }

    /** One line of the comparison; {@code morceaux} holds the word detail of a modified line. */
    public record Ligne(Nature nature, String texte, List<Morceau> morceaux) {
        public boolean detaillee() {
            return !morceaux.isEmpty();
        }
    }

    /** The comparison, with its counts of added and removed lines. */
    public record Resultat(List<Ligne> lignes, int ajouts, int suppressions) {
        public boolean identiques() {
            return ajouts == 0 && suppressions == 0;
        }
    }

    private Diff() {
    }

    public static Resultat lignes(String avant, String apres) {
        List<String> a = decouper(avant);
        List<String> b = decouper(apres);
        List<Morceau> brut = comparer(a, b);
        List<Ligne> lignes = new ArrayList<>();
        int ajouts = 0;
        int suppressions = 0;
        for (int i = 0; i < brut.size(); i++) {
            Morceau m = brut.get(i);
            if (m.nature() == Nature.AJOUT) {
                ajouts++;
            } else if (m.nature() == Nature.SUPPRESSION) {
                suppressions++;
            }
            // one line removed then one added: a modified line, detailed word by word
            boolean seule = m.nature() == Nature.SUPPRESSION && i + 1 < brut.size() && brut.get(i + 1).nature() == Nature.AJOUT
                    && (i == 0 || brut.get(i - 1).nature() == Nature.IDENTIQUE)
                    && (i + 2 >= brut.size() || brut.get(i + 2).nature() == Nature.IDENTIQUE);
            if (seule) {
                Morceau ajout = brut.get(i + 1);
                List<Morceau> mots = comparer(mots(m.texte()), mots(ajout.texte()));
                lignes.add(new Ligne(Nature.SUPPRESSION, m.texte(), fusionner(mots.stream().filter(x -> x.nature() != Nature.AJOUT).toList())));
                lignes.add(new Ligne(Nature.AJOUT, ajout.texte(), fusionner(mots.stream().filter(x -> x.nature() != Nature.SUPPRESSION).toList())));
                ajouts++;
                i++;
            } else {
                lignes.add(new Ligne(m.nature(), m.texte(), List.of()));
            }
        }
        return new Resultat(List.copyOf(lignes), ajouts, suppressions);
    }

    /** Neighbouring pieces of the same nature as one (one {@code <ins>} for "de deux", not three). */
    static List<Morceau> fusionner(List<Morceau> morceaux) {
        List<Morceau> fusion = new ArrayList<>();
        for (Morceau m : morceaux) {
            if (!fusion.isEmpty() && fusion.getLast().nature() == m.nature()) {
                fusion.set(fusion.size() - 1, new Morceau(m.nature(), fusion.getLast().texte() + m.texte()));
            } else {
                fusion.add(m);
            }
        }
        return List.copyOf(fusion);
    }

    static List<String> decouper(String texte) {
        if (texte == null || texte.isEmpty()) {
            return List.of();
        }
        return List.of(texte.replace("\r\n", "\n").split("\n", -1));
    }

    static List<String> mots(String ligne) {
        List<String> mots = new ArrayList<>();
        Matcher m = MOTS.matcher(ligne);
        while (m.find()) {
            mots.add(m.group());
        }
        return mots;
    }

    /** The edit script from {@code a} to {@code b}, common prefix and suffix aside, LCS in between. */
    static List<Morceau> comparer(List<String> a, List<String> b) {
        int debut = 0;
        while (debut < a.size() && debut < b.size() && a.get(debut).equals(b.get(debut))) {
            debut++;
        }
        int finA = a.size();
        int finB = b.size();
        while (finA > debut && finB > debut && a.get(finA - 1).equals(b.get(finB - 1))) {
            finA--;
            finB--;
        }
        List<Morceau> script = new ArrayList<>();
        for (int i = 0; i < debut; i++) {
            script.add(new Morceau(Nature.IDENTIQUE, a.get(i)));
        }
        int n = finA - debut;
        int m = finB - debut;
        if ((long) n * m > MAX_CELLULES) {
            a.subList(debut, finA).forEach(l -> script.add(new Morceau(Nature.SUPPRESSION, l)));
            b.subList(debut, finB).forEach(l -> script.add(new Morceau(Nature.AJOUT, l)));
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a.get(debut + i).equals(b.get(debut + j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a.get(debut + i).equals(b.get(debut + j))) {
                    script.add(new Morceau(Nature.IDENTIQUE, a.get(debut + i)));
                    i++;
                    j++;
                } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    script.add(new Morceau(Nature.AJOUT, b.get(debut + j)));
                    j++;
                } else {
                    script.add(new Morceau(Nature.SUPPRESSION, a.get(debut + i)));
                    i++;
                }
            }
            // removals before additions inside each changed block, as readers expect
            reordonner(script, debut);
        }
        for (int k = finA; k < a.size(); k++) {
            script.add(new Morceau(Nature.IDENTIQUE, a.get(k)));
        }
        return script;
    }

    private static void reordonner(List<Morceau> script, int depuis) {
        int k = depuis;
        while (k < script.size()) {
            if (script.get(k).nature() == Nature.IDENTIQUE) {
                k++;
                continue;
            }
            int fin = k;
            while (fin < script.size() && script.get(fin).nature() != Nature.IDENTIQUE) {
                fin++;
            }
            List<Morceau> bloc = new ArrayList<>(script.subList(k, fin));
            List<Morceau> trie = new ArrayList<>(bloc.stream().filter(x -> x.nature() == Nature.SUPPRESSION).toList());
            trie.addAll(bloc.stream().filter(x -> x.nature() == Nature.AJOUT).toList());
            for (int x = 0; x < trie.size(); x++) {
                script.set(k + x, trie.get(x));
            }
            k = fin;
        }
    }
}
