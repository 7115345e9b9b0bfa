package fr.sne.core.recherche;

import fr.sne.core.demande.ActionDemande;
import fr.sne.core.demande.DemandePolicy;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import jakarta.inject.Singleton;

/**
 * Searching, exporting the results and printing a summary sheet show applications' nominative
 * data: allowed to the professionals who may read the territory's applications (DemandePolicy
 * CONSULTER: desks, consultants, territorial managers, national support); never to applicants
 * or to the national administrator. These are pages: API clients have their own exports.
 */
@Singleton
public class RecherchePolicy {

    private final DemandePolicy demandes;

    RecherchePolicy(DemandePolicy demandes) {
        this.demandes = demandes;
    }

    public Decision decider(Actor actor, ActionRecherche action, String territoire) {
        if (!(actor instanceof Actor.Professionnel)) {
            return Decision.REFUSEE;
        }
        return switch (action) {
            case RECHERCHER, EXPORTER, FICHE -> demandes.decider(actor, ActionDemande.CONSULTER, territoire);
        };
    }
}
