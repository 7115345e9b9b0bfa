package fr.sne.bench.pertinence;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Known-item queries built from the corpus, deterministic from a seed: a person remembers a few
 * rare-ish words of an article (as written, without accents, or singular/plural swapped), words
 * of its section's title plus one of its text, or its number and code. The answer is the article
 * itself, and any article with the very same text (the codes repeat some articles word for word).
 */
public final class GenerateurRequetes {

    /** A word is "rare-ish" when at most this many articles hold it (and at least two: no hapax). */
    private static final int FREQUENCE_MAX = 300;
    private static final int LONGUEUR_MIN = 4;
    private static final Pattern MOTS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern PREFIXE_SECTION = Pattern.compile("^[^:]{0,40}:\\s*");
    private static final Map<String, String> CODES = Map.of(
            "CCH", "construction habitation",
            "CT", "code travail",
            "CASF", "action sociale familles",
            "CRPA", "relations public administration");

    private final List<Article> articles;
    private final Map<String, Integer> frequences = new HashMap<>();
    private final Map<String, Set<String>> memeTexte = new HashMap<>();
    private final Map<String, Set<String>> memeNumero = new HashMap<>();
    private final CharArraySet vides = FrenchAnalyzer.getDefaultStopSet();

    public GenerateurRequetes(List<Article> articles) {
        this.articles = List.copyOf(articles);
        for (Article a : articles) {
            for (String mot : mots(a.corps())) {
                frequences.merge(mot, 1, Integer::sum);
            }
            memeTexte.computeIfAbsent(normaliser(a.corps()), k -> new HashSet<>()).add(a.id());
            memeNumero.computeIfAbsent(a.code() + " " + a.num(), k -> new HashSet<>()).add(a.id());
        }
    }

    /** {@code nombre} queries, as many of each kind, from the seed. */
    public List<RequeteConnue> generer(long graine, int nombre) {
        Random hasard = new Random(graine);
        List<RequeteConnue> requetes = new ArrayList<>();
        RequeteConnue.Genre[] genres = RequeteConnue.Genre.values();
        int essais = 0;
        while (requetes.size() < nombre && essais++ < nombre * 100) {
            RequeteConnue.Genre genre = genres[requetes.size() % genres.length];
            Article a = articles.get(hasard.nextInt(articles.size()));
            if (a.corps().length() < 100) {
                continue;
            }
            RequeteConnue r = construire(a, genre, hasard);
            if (r != null) {
                requetes.add(r);
            }
        }
        return requetes;
    }

    private RequeteConnue construire(Article a, RequeteConnue.Genre genre, Random hasard) {
        Set<String> pertinents = memeTexte.get(normaliser(a.corps()));
        List<String> rares = rares(a);
        return switch (genre) {
            case MOTS -> rares.size() < 3 ? null : new RequeteConnue(String.join(" ", choisir(rares, 3, hasard)), genre, a.id(), pertinents);
            case SANS_ACCENTS -> {
                List<String> avecAccents = rares.stream().filter(m -> !sansAccents(m).equals(m)).toList();
                if (avecAccents.isEmpty() || rares.size() < 3) {
                    yield null;
                }
                List<String> mots = new ArrayList<>(choisir(rares.stream().filter(m -> !avecAccents.contains(m)).toList(), 2, hasard));
                mots.add(hasard.nextInt(mots.size() + 1), avecAccents.get(hasard.nextInt(avecAccents.size())));
                yield new RequeteConnue(sansAccents(String.join(" ", mots)), genre, a.id(), pertinents);
            }
            case PLURIEL -> {
                if (rares.size() < 3) {
                    yield null;
                }
                List<String> mots = choisir(rares, 3, hasard).stream().map(GenerateurRequetes::nombreInverse).toList();
                yield new RequeteConnue(String.join(" ", mots), genre, a.id(), pertinents);
            }
            case SECTION -> {
                List<String> section = mots(PREFIXE_SECTION.matcher(a.section()).replaceFirst("")).stream().toList();
                if (section.size() < 2 || rares.isEmpty()) {
                    yield null;
                }
                List<String> mots = new ArrayList<>(choisir(section, Math.min(3, section.size()), hasard));
                mots.add(rares.get(hasard.nextInt(rares.size())));
                yield new RequeteConnue(String.join(" ", mots), genre, a.id(), pertinents);
            }
            case NUMERO -> {
                String code = CODES.get(a.code());
                yield code == null || !a.num().matches("[LRD]\\*?[0-9].*") ? null
                        : new RequeteConnue(a.num() + " " + code, genre, a.id(), memeNumero.get(a.code() + " " + a.num()));
            }
        };
    }

    /** The article's words that a few other articles hold too. */
    private List<String> rares(Article a) {
        return mots(a.corps()).stream().filter(m -> {
            int f = frequences.getOrDefault(m, 0);
            return f >= 2 && f <= FREQUENCE_MAX;
        }).toList();
    }

    /** Distinct lower-case words of at least four letters, stop words aside, in text order. */
    private Set<String> mots(String texte) {
        Set<String> mots = new LinkedHashSet<>();
        for (String m : MOTS.split(texte.toLowerCase(Locale.FRENCH))) {
            if (m.length() >= LONGUEUR_MIN && !vides.contains(m)) {
                mots.add(m);
            }
        }
        return mots;
    }

    private static List<String> choisir(List<String> mots, int nombre, Random hasard) {
        List<String> copie = new ArrayList<>(mots);
        List<String> choisis = new ArrayList<>();
        while (choisis.size() < nombre && !copie.isEmpty()) {
            choisis.add(copie.remove(hasard.nextInt(copie.size())));
        }
        return choisis;
    }

    /** Singular ↔ plural, the French regular way (travaux ↔ travail is beyond a rule). */
    static String nombreInverse(String mot) {
        if (mot.endsWith("aux") && mot.length() > 5) {
            return mot.substring(0, mot.length() - 3) + "al";
        }
        if (mot.endsWith("al")) {
            return mot.substring(0, mot.length() - 2) + "aux";
        }
        if (mot.endsWith("s") || mot.endsWith("x")) {
            return mot.substring(0, mot.length() - 1);
        }
        if (mot.endsWith("eau") || mot.endsWith("eu")) {
            return mot + "x";
        }
        return mot + "s";
    }

    static String sansAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String normaliser(String corps) {
        return corps.replaceAll("\\s+", " ").strip();
    }
}
