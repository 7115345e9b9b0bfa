package fr.sne.community.espace;

import fr.sne.community.recherche.Acces;
import fr.sne.community.recherche.VisibiliteUtilisateur;
import fr.sne.tenants.identity.Actor;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.stream.Collectors;

/** Gives the search engine the spaces a user sees, so that a space's content is found only by them. */
@Singleton
class AccesEspaces implements VisibiliteUtilisateur {

    private final Espaces espaces;

    AccesEspaces(Espaces espaces) {
        this.espaces = espaces;
    }

    @Override
    public Set<String> acces(Actor actor) {
        return espaces.idsVisibles(actor).stream().map(Acces::espace).collect(Collectors.toUnmodifiableSet());
    }
}
