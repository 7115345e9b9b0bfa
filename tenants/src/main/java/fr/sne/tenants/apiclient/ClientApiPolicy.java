package fr.sne.tenants.apiclient;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;

/** API clients of a territory are registered by its GT or an administrator. */
@Singleton
public class ClientApiPolicy {

    public Decision decider(Actor actor, ActionClientApi action, String territoire) {
        return switch (action) {
            case CONSULTER -> Perimetre.decider(actor, territoire, EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL,
                    Profil.ASSISTANCE_NATIONALE, Profil.GESTIONNAIRE_TERRITORIAL));
            case CREER, DESACTIVER -> Perimetre.decider(actor, territoire,
                    EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL, Profil.GESTIONNAIRE_TERRITORIAL));
        };
    }
}
