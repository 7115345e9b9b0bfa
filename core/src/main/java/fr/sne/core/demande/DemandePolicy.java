package fr.sne.core.demande;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;

/**
 * Applications: registering desks (their agents and managers, or their systems through the API)
 * create them in their territory; the territory's profiles and the national ones read them. An
 * applicant reads and updates only their own (the one linked to their portal account); anybody
 * else's is not found.
 */
@Singleton
public class DemandePolicy {

    public Decision decider(Actor actor, ActionDemande action, String territoire) {
        return decider(actor, action, territoire, null);
    }

    /**
     * @param compteDemandeur the portal account the application is linked to (filed online), or
     *                        null: what decides for an applicant
     */
    public Decision decider(Actor actor, ActionDemande action, String territoire, Long compteDemandeur) {
        if (actor instanceof Actor.Particulier p) {
            if (compteDemandeur == null || compteDemandeur != p.compteId()) {
                return Decision.INTROUVABLE;
            }
            // applicants file on the portal (its own policy), never here; what they may change is ModificationParLeDemandeur
            return action == ActionDemande.CREER ? Decision.REFUSEE : Decision.AUTORISEE;
        }
        if (actor instanceof Actor.ClientApi client) {
            if (!territoire.equals(client.territoire())) {
                return Decision.INTROUVABLE;
            }
            return client.scopes().contains("demandes") ? Decision.AUTORISEE : Decision.REFUSEE;
        }
        return switch (action) {
            case CREER -> Perimetre.decider(actor, territoire, EnumSet.of(Profil.GUICHET_ENREGISTREUR, Profil.GUICHET_MANAGER));
            // the application is shared: any registering desk of the territory and its manager may correct it
            case MODIFIER -> Perimetre.decider(actor, territoire,
                    EnumSet.of(Profil.GUICHET_ENREGISTREUR, Profil.GUICHET_MANAGER, Profil.GESTIONNAIRE_TERRITORIAL));
            case CONSULTER -> Perimetre.decider(actor, territoire, EnumSet.complementOf(EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL)));
        };
    }
}
