package fr.sne.core.antifraude;

import fr.sne.core.demande.ActionDemande;
import fr.sne.core.demande.DemandePolicy;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Optional;

/**
 * Who may do what with changes of names, in one place:
 * <ul>
 *   <li>a desk's change (an agent or manager of a desk, or a desk's software through the API) is
 *   subject to the minor rule; a territorial manager's is not (they are the validating authority
 *   and belong to no desk) — it is still recorded and audited;</li>
 *   <li>a pending change is decided by the territory's manager (GT) or by a manager of the desk
 *   that asked — never by the person who asked, whatever habilitation they use to try;</li>
 *   <li>whoever may read the application sees its changes; the monitoring is the GT's.</li>
 * </ul>
 * Another territory's changes are not found.
 */
@Singleton
public class ChangementNomPolicy {

    private final DemandePolicy demandes;

    ChangementNomPolicy(DemandePolicy demandes) {
        this.demandes = demandes;
    }

    /** Whether this actor's major changes of names wait for a decision. */
    public boolean soumisAValidation(Actor actor) {
        return switch (actor) {
            case Actor.ClientApi c -> true;
            case Actor.Professionnel p -> p.habilitationActive().map(h -> h.profil() != Profil.GESTIONNAIRE_TERRITORIAL)
                    .orElse(true);
            default -> false;
        };
    }

    /** Consulting and monitoring, for a territory. */
    public Decision decider(Actor actor, ActionChangementNom action, String territoire) {
        if (!(actor instanceof Actor.Professionnel)) {
            return Decision.REFUSEE;
        }
        return switch (action) {
            case CONSULTER -> demandes.decider(actor, ActionDemande.CONSULTER, territoire);
            case SURVEILLER -> Perimetre.decider(actor, territoire, EnumSet.of(Profil.GESTIONNAIRE_TERRITORIAL));
            case DECIDER -> throw new IllegalArgumentException("A decision is about one change: decider(actor, changement)");
        };
    }

    /** Deciding (validating or refusing) one pending change. */
    public Decision decider(Actor actor, ChangementNom changement) {
        if (!(actor instanceof Actor.Professionnel p)) {
            return Decision.REFUSEE;
        }
        Optional<Habilitation> h = p.habilitationActive();
        if (h.isEmpty()) {
            return Decision.REFUSEE;
        }
        if (!Perimetre.atteint(h.get(), changement.territoire())) {
            return Decision.INTROUVABLE;
        }
        // four eyes: the person who asked never decides, even through a manager's habilitation
        if (changement.demandeParUtilisateur() != null && changement.demandeParUtilisateur() == p.utilisateurId()) {
            return Decision.REFUSEE;
        }
        boolean gt = h.get().profil() == Profil.GESTIONNAIRE_TERRITORIAL;
        boolean managerDuGuichet = h.get().profil() == Profil.GUICHET_MANAGER && h.get().guichet() != null
                && h.get().guichet().equals(changement.guichet());
        return gt || managerDuGuichet ? Decision.AUTORISEE : Decision.REFUSEE;
    }
}
