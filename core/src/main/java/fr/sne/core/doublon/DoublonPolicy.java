package fr.sne.core.doublon;

import fr.sne.core.demande.ActionDemande;
import fr.sne.core.demande.DemandePolicy;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import jakarta.inject.Singleton;

/**
 * Searching for duplicates shows applications' civil status: allowed to whoever may read the
 * territory's applications (the desks before registering, the territorial managers who radiate
 * duplicates, consultants, national support, the desks' systems).
 */
@Singleton
public class DoublonPolicy {

    private final DemandePolicy demandes;

    DoublonPolicy(DemandePolicy demandes) {
        this.demandes = demandes;
    }

    public Decision decider(Actor actor, String territoire) {
        return demandes.decider(actor, ActionDemande.CONSULTER, territoire);
    }
}
