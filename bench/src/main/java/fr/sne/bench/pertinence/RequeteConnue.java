package fr.sne.bench.pertinence;

import java.util.Set;

/**
 * A known-item query: what a person remembering an article would type, and the articles that
 * answer it (the target and any article with the very same text).
 */
public record RequeteConnue(String texte, Genre genre, String cible, Set<String> pertinents) {

    /** How the query was built from the article. */
    public enum Genre {
        /** Rare words of the text, as written. */
        MOTS,
        /** The same words without their accents. */
        SANS_ACCENTS,
        /** The same words, singular ↔ plural. */
        PLURIEL,
        /** Words of the section's title and one of the text. */
        SECTION,
        /** The code's name and the article's number. */
        NUMERO
    }
}
