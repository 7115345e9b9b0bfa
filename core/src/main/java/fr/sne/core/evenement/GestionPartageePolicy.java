package fr.sne.core.evenement;

import fr.sne.core.journal.TypeEvenement;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what with the shared history and the priority data of an application, in one place.
 * <ul>
 *   <li>Every profile of the territory reads them, and the national support (not the national
 *       administrator, who does not read applications); consultants only read.</li>
 *   <li>Registering desks (agents and managers) and the territorial manager add events and change
 *       priority data; an API client acts for its desk (scope {@code demandes}).</li>
 *   <li>An event is deleted only by whoever entered it: its desk (any agent or manager of it, or
 *       its API client), or the territory's management for a GT's event. The register's own
 *       events are never deleted.</li>
 *   <li>The applicant reads, in their own account's scope, the events meant for them
 *       ({@link #visibleDuDemandeur}); never the priority data.</li>
 *   <li>Priority data are read by the same professionals as the history, and changed by those
 *       who add events.</li>
 * </ul>
 * Another territory's application → not found.
 */
@Singleton
public class GestionPartageePolicy {

    private static final Set<Profil> LECTEURS = EnumSet.complementOf(EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL));
    private static final Set<Profil> CONTRIBUTEURS = EnumSet.of(Profil.GUICHET_ENREGISTREUR, Profil.GUICHET_MANAGER,
            Profil.GESTIONNAIRE_TERRITORIAL);

    public Decision decider(Actor actor, ActionGestionPartagee action, String territoire) {
        return switch (actor) {
            // the account's scope (row-level security) opens their own applications only
            case Actor.Particulier p -> action == ActionGestionPartagee.CONSULTER ? Decision.AUTORISEE : Decision.REFUSEE;
            case Actor.ClientApi c -> !territoire.equals(c.territoire()) ? Decision.INTROUVABLE
                    : c.scopes().contains("demandes") ? Decision.AUTORISEE : Decision.REFUSEE;
            default -> Perimetre.decider(actor, territoire, switch (action) {
                case CONSULTER, CONSULTER_PRIORITE -> LECTEURS;
                case AJOUTER_EVENEMENT, SUPPRIMER_EVENEMENT, MODIFIER_PRIORITE -> CONTRIBUTEURS;
            });
        };
    }

    /** Deleting this event: its creator only, and never a system event. */
    public Decision supprimer(Actor actor, Evenement evenement) {
        Decision d = decider(actor, ActionGestionPartagee.SUPPRIMER_EVENEMENT, evenement.territoire());
        if (!d.autorisee()) {
            return d;
        }
        return evenement.creePar(createur(actor).orElse(null)) ? Decision.AUTORISEE : Decision.REFUSEE;
    }

    /** Whether a page offers the deletion of this event to the actor (not already deleted). */
    public boolean peutSupprimer(Actor actor, Evenement evenement) {
        return !evenement.supprime() && supprimer(actor, evenement).autorisee();
    }

    /** Who the actor enters events as: its desk, or the territory's management; empty for anybody else. */
    public Optional<Createur> createur(Actor actor) {
        return switch (actor) {
            case Actor.ClientApi c -> Optional.of(Createur.guichet(c.guichet()));
            case Actor.Professionnel p -> p.habilitationActive().flatMap(GestionPartageePolicy::createur);
            default -> Optional.empty();
        };
    }

    private static Optional<Createur> createur(Habilitation h) {
        return switch (h.profil().portee()) {
            case GUICHET -> Optional.of(Createur.guichet(h.guichet()));
            case TERRITOIRE -> Optional.of(Createur.gestionnaireTerritorial());
            case NATIONALE -> Optional.empty();
        };
    }

    /**
     * What the applicant sees: not deleted, of a kind meant for them and, for a regulatory event,
     * only when the territory opens regulatory events on the portal. An unknown code is not shown.
     */
    public boolean visibleDuDemandeur(Evenement evenement, Optional<TypeEvenement> type, boolean reglementairesOuverts) {
        return !evenement.supprime() && type.isPresent() && type.get().visibleDemandeur()
                && (!type.get().reglementaire() || reglementairesOuverts);
    }
}
