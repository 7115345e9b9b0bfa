package fr.sne.community.recherche;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a person typed, read leniently: words, "exact phrases", prefixes ({@code habilit*}) and
 * exclusions ({@code -copropriété}). Nothing typed is a syntax error: unbalanced quotes or
 * parentheses, field names, operators and stray wildcards are read as plain words or dropped,
 * and the size is capped (characters, elements), with a French notice of what was left out.
 */
record RequeteAnalysee(List<Element> elements, List<String> avis) {

    static final int LONGUEUR_MAX = 300;
    static final int ELEMENTS_MAX = 16;
    /** Shortest prefix before the star: {@code a*} would match half the dictionary. */
    static final int PREFIXE_MIN = 3;

    private static final Set<String> OPERATEURS = Set.of("AND", "OR", "NOT", "ET", "OU", "SAUF", "&&", "||");
    // characters of query languages that mean nothing to a person searching
    private static final String SYNTAXE = "()[]{}<>^~:\\/!&|?=+;,";

    /** A searched element. */
    sealed interface Element {
        String texte();

        boolean exclu();
    }

    /** A word (it may still analyse to several tokens, e.g. {@code L441-1}). */
    record Mot(String texte, boolean exclu) implements Element {
    }

    /** Words that must follow each other. */
    record Phrase(String texte, boolean exclu) implements Element {
    }

    /** The beginning of a word, without the star. */
    record Prefixe(String texte, boolean exclu) implements Element {
    }

    RequeteAnalysee {
        elements = List.copyOf(elements);
        avis = List.copyOf(avis);
    }

    boolean vide() {
        return elements.stream().noneMatch(e -> !e.exclu());
    }

    /** The query as it was understood, e.g. for the suggestion's link. */
    String texte() {
        List<String> parties = new ArrayList<>();
        for (Element e : elements) {
            String t = switch (e) {
                case Phrase p -> "\"" + p.texte() + "\"";
                case Prefixe p -> p.texte() + "*";
                case Mot m -> m.texte();
            };
            parties.add(e.exclu() ? "-" + t : t);
        }
        return String.join(" ", parties);
    }

    static RequeteAnalysee lire(String saisie) {
        List<String> avis = new ArrayList<>();
        if (saisie == null) {
            return new RequeteAnalysee(List.of(), avis);
        }
        String texte = saisie.replaceAll("\\p{Cntrl}", " ").strip();
        if (texte.length() > LONGUEUR_MAX) {
            texte = texte.substring(0, LONGUEUR_MAX);
            avis.add("Votre recherche a été raccourcie à " + LONGUEUR_MAX + " caractères.");
        }
        List<Element> elements = new ArrayList<>();
        boolean tronquee = false;
        boolean jokerIgnore = false;
        int i = 0;
        while (i < texte.length()) {
            char c = texte.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean exclu = false;
            if (c == '-' && i + 1 < texte.length() && !Character.isWhitespace(texte.charAt(i + 1))) {
                exclu = true;
                i++;
                c = texte.charAt(i);
            }
            Element element = null;
            if (c == '"' || c == '«' || c == '“') {
                int fin = fermeture(texte, i + 1);
                if (fin < 0) {
                    // an unbalanced quote: the rest is read as plain words
                    i++;
                    continue;
                }
                String phrase = nettoyer(texte.substring(i + 1, fin)).replace("*", " ").strip();
                i = fin + 1;
                if (!phrase.isEmpty()) {
                    element = phrase.contains(" ") ? new Phrase(phrase, exclu) : new Mot(phrase, exclu);
                }
            } else {
                int fin = i;
                while (fin < texte.length() && !Character.isWhitespace(texte.charAt(fin)) && "\"«“".indexOf(texte.charAt(fin)) < 0) {
                    fin++;
                }
                String brut = texte.substring(i, fin);
                i = fin;
                if (OPERATEURS.contains(brut)) {
                    continue;
                }
                String mot = nettoyer(brut).strip();
                if (mot.contains(" ")) {
                    // "titre:logement" or "(aide" → its words, each on its own
                    for (String partie : mot.split("\\s+")) {
                        Element e = mot(partie, exclu);
                        if (e == null) {
                            jokerIgnore |= partie.contains("*");
                        } else if (elements.size() < ELEMENTS_MAX) {
                            elements.add(e);
                        } else {
                            tronquee = true;
                        }
                    }
                    continue;
                }
                element = mot(mot, exclu);
                jokerIgnore |= element == null && mot.contains("*") || element instanceof Mot && mot.contains("*");
            }
            if (element != null) {
                if (elements.size() < ELEMENTS_MAX) {
                    elements.add(element);
                } else {
                    tronquee = true;
                }
            }
        }
        if (tronquee) {
            avis.add("Seuls les " + ELEMENTS_MAX + " premiers mots ont été pris en compte.");
        }
        if (jokerIgnore) {
            avis.add("L’astérisque ne s’utilise qu’en fin de mot, après au moins " + PREFIXE_MIN + " lettres (par exemple habilit*).");
        }
        if (!elements.isEmpty() && elements.stream().allMatch(Element::exclu)) {
            avis.add("Indiquez au moins un mot à rechercher en plus des mots à exclure.");
        }
        return new RequeteAnalysee(elements, avis);
    }

    /** A word, a prefix when it ends with one star after enough letters, or nothing. */
    private static Element mot(String mot, boolean exclu) {
        if (mot.isEmpty()) {
            return null;
        }
        int etoile = mot.indexOf('*');
        if (etoile < 0) {
            return new Mot(mot, exclu);
        }
        String base = mot.replace("*", "");
        if (etoile == mot.length() - 1 && lettres(base) >= PREFIXE_MIN && base.chars().allMatch(Character::isLetterOrDigit)) {
            return new Prefixe(base, exclu);
        }
        // a star elsewhere: the word without its stars, if anything is left
        return lettres(base) == 0 ? null : new Mot(base, exclu);
    }

    private static int lettres(String s) {
        return (int) s.chars().filter(Character::isLetterOrDigit).count();
    }

    private static String nettoyer(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            b.append(SYNTAXE.indexOf(c) >= 0 ? ' ' : c);
        }
        return b.toString().replaceAll("\\s+", " ");
    }

    private static int fermeture(String texte, int depuis) {
        for (int k = depuis; k < texte.length(); k++) {
            char c = texte.charAt(k);
            if (c == '"' || c == '»' || c == '”') {
                return k;
            }
        }
        return -1;
    }
}
