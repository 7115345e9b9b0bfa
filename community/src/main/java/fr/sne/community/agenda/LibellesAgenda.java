package fr.sne.community.agenda;

import fr.sne.community.recherche.LibellesRecherche;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
class LibellesAgenda implements LibellesRecherche {

    @Override
    public Optional<String> libelle(String dimension, String code) {
        return "type".equals(dimension) && AgendaService.TYPE.equals(code) ? Optional.of("Événement") : Optional.empty();
    }
}
