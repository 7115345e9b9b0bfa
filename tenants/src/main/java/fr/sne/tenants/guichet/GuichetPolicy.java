package fr.sne.tenants.guichet;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;

/** Who may see and manage desks: everyone sees their territory's directory; GT and admin manage it. */
@Singleton
public class GuichetPolicy {

    public Decision decider(Actor actor, ActionGuichet action, String territoire) {
        return switch (action) {
            case CONSULTER -> Perimetre.decider(actor, territoire, EnumSet.allOf(Profil.class));
            case CREER, MODIFIER, DESACTIVER -> Perimetre.decider(actor, territoire,
                    EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL, Profil.GESTIONNAIRE_TERRITORIAL));
        };
    }
}
