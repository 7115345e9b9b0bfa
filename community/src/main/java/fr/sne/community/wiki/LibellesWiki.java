package fr.sne.community.wiki;

import fr.sne.community.recherche.LibellesRecherche;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
class LibellesWiki implements LibellesRecherche {

    @Override
    public Optional<String> libelle(String dimension, String code) {
        return "type".equals(dimension) && IndexationWiki.TYPE.equals(code) ? Optional.of("Page de wiki") : Optional.empty();
    }
}
