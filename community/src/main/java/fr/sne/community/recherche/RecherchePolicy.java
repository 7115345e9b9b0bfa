package fr.sne.community.recherche;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;

/**
 * The search engine's administration is national: both national profiles see the index's state,
 * only national administrators ask for a rebuild. (What each person finds is decided by
 * {@link VisibiliteRecherche}.)
 */
@Singleton
public class RecherchePolicy {

    public Decision decider(Actor actor, ActionRecherche action) {
        return switch (action) {
            case CONSULTER_INDEX -> Perimetre.decider(actor, null, EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL, Profil.ASSISTANCE_NATIONALE));
            case RECONSTRUIRE -> Perimetre.decider(actor, null, EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL));
        };
    }
}
