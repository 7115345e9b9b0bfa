package fr.sne.community.recherche;

import fr.sne.tenants.identity.Actor;
import jakarta.inject.Singleton;

/** Searches as a given actor: their visibility decided by {@link VisibiliteRecherche}, applied by the engine. */
@Singleton
public class RechercheService {

    private final MoteurRecherche moteur;
    private final VisibiliteRecherche visibilite;

    public RechercheService(MoteurRecherche moteur, VisibiliteRecherche visibilite) {
        this.moteur = moteur;
        this.visibilite = visibilite;
    }

    public Resultats rechercher(Actor actor, Recherche recherche) {
        return moteur.rechercher(recherche, visibilite.de(actor));
    }
}
