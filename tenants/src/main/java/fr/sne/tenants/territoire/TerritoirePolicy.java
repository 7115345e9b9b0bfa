package fr.sne.tenants.territoire;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;

/**
 * Territories' settings are the national administrators' business; everyone sees their own. The
 * territorial manager also opens (or closes) the regulatory events of the territory's applications
 * on the portal, as the territory progresses.
 */
@Singleton
public class TerritoirePolicy {

    public Decision decider(Actor actor, ActionTerritoire action, String territoire) {
        return switch (action) {
            case CONSULTER -> Perimetre.decider(actor, territoire, EnumSet.allOf(Profil.class));
            case MODIFIER -> Perimetre.decider(actor, territoire, EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL));
            case OUVRIR_EVENEMENTS -> Perimetre.decider(actor, territoire,
                    EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL, Profil.GESTIONNAIRE_TERRITORIAL));
        };
    }
}
