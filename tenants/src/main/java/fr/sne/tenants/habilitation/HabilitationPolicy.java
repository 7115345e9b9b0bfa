package fr.sne.tenants.habilitation;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;

/**
 * Habilitations: any professional may request one; the territory's GT (or an administrator)
 * certifies, suspends, revokes and reviews; the national assistance only reads.
 */
@Singleton
public class HabilitationPolicy {

    public Decision decider(Actor actor, ActionHabilitation action, String territoire) {
        return switch (action) {
            case DEMANDER -> actor instanceof Actor.Professionnel ? Decision.AUTORISEE : Decision.REFUSEE;
            case CONSULTER -> Perimetre.decider(actor, territoire, EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL,
                    Profil.ASSISTANCE_NATIONALE, Profil.GESTIONNAIRE_TERRITORIAL));
            case CERTIFIER, SUSPENDRE, REVOQUER, REACTIVER, REVUE -> Perimetre.decider(actor, territoire,
                    EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL, Profil.GESTIONNAIRE_TERRITORIAL));
        };
    }
}
