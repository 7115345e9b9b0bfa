package fr.sne.community.actualite;

import fr.sne.community.recherche.LibellesRecherche;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
class LibellesActualites implements LibellesRecherche {

    @Override
    public Optional<String> libelle(String dimension, String code) {
        return "type".equals(dimension) && ActualitesService.TYPE.equals(code) ? Optional.of("Actualité d’un espace") : Optional.empty();
    }
}
