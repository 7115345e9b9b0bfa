package fr.sne.community.recherche;

import java.util.Optional;

/**
 * A feature's French labels for its facet values (content types, themes), e.g. {@code "faq"} →
 * "Question fréquente". The engine falls back to its own list, then to the code itself.
 */
public interface LibellesRecherche {

    /** @param dimension {@code type}, {@code theme} or {@code espace} */
    Optional<String> libelle(String dimension, String code);
}
