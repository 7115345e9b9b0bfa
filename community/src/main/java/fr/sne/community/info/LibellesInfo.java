package fr.sne.community.info;

import fr.sne.community.recherche.LibellesRecherche;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Optional;

/** The search facets' labels of the information site's types and themes: the site's own words. */
@Singleton
class LibellesInfo implements LibellesRecherche {

    @Override
    public Optional<String> libelle(String dimension, String code) {
        return switch (dimension) {
            case "type" -> Arrays.stream(TypeContenu.values()).filter(t -> t.codeRecherche().equals(code))
                    .map(TypeContenu::libelle).findFirst();
            case "theme" -> Arrays.stream(Theme.values()).filter(t -> t.codeRecherche().equals(code))
                    .map(Theme::libelle).findFirst();
            default -> Optional.empty();
        };
    }
}
