package fr.sne.core.enligne;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;

/**
 * Online applications: applicants signed in with their own identity file them (each sees only
 * their own: the database filters by account); registering desks of the application's territory
 * validate or refuse them; the territorial manager and national support follow the queue.
 */
@Singleton
public class DemandeEnLignePolicy {

    public Decision decider(Actor actor, ActionEnLigne action, String territoire) {
        return switch (action) {
            case DEPOSER -> actor instanceof Actor.Particulier ? Decision.AUTORISEE : Decision.REFUSEE;
            case LISTER, EXAMINER -> Perimetre.decider(actor, territoire, EnumSet.of(Profil.GUICHET_ENREGISTREUR,
                    Profil.GUICHET_MANAGER, Profil.GESTIONNAIRE_TERRITORIAL, Profil.ASSISTANCE_NATIONALE));
            // validating issues a number for the portal's desk: the same profiles as registering
            case VALIDER, REFUSER -> Perimetre.decider(actor, territoire,
                    EnumSet.of(Profil.GUICHET_ENREGISTREUR, Profil.GUICHET_MANAGER));
        };
    }
}
