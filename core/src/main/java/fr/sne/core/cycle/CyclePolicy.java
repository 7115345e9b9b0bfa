package fr.sne.core.cycle;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may renew, radiate and de-radiate an application — the one place of these rules.
 * <ul>
 * <li>renew: the territory's registering desks (agents, managers, their systems through the
 * API), its territorial manager, and the applicant for their own application;</li>
 * <li>radiate: the same desks and the territorial manager; {@code RADATT} only by a landlord's
 * desk (type {@code BAILLEUR}); {@code RADREN} by the register itself only;</li>
 * <li>de-radiate: national support (the one change this read-only role makes: a support action,
 * traced), the national administrator, and the territory's manager.</li>
 * </ul>
 * Another territory's application is not found; an applicant's other than their own too.
 */
@Singleton
public class CyclePolicy {

    static final String BAILLEUR = "BAILLEUR";

    private static final Set<Profil> GUICHETS_ET_GT =
            EnumSet.of(Profil.GUICHET_ENREGISTREUR, Profil.GUICHET_MANAGER, Profil.GESTIONNAIRE_TERRITORIAL);
    private static final Set<Profil> DERADIATION =
            EnumSet.of(Profil.ASSISTANCE_NATIONALE, Profil.ADMINISTRATEUR_NATIONAL, Profil.GESTIONNAIRE_TERRITORIAL);

    /**
     * @param compteDemandeur the portal account the application is linked to, or null (what
     *                        decides for an applicant)
     */
    public Decision renouveler(Actor actor, String territoire, Long compteDemandeur) {
        return switch (actor) {
            case Actor.Particulier p -> compteDemandeur != null && compteDemandeur == p.compteId()
                    ? Decision.AUTORISEE : Decision.INTROUVABLE;
            case Actor.ClientApi c -> client(c, territoire);
            case Actor.Professionnel p -> Perimetre.decider(p, territoire, GUICHETS_ET_GT);
            case Actor.Systeme s -> Decision.REFUSEE;
            case Actor.Anonyme a -> Decision.REFUSEE;
        };
    }

    /**
     * @param motif        the motif asked for, or null when not known yet (may the actor radiate at all?)
     * @param typeGuichet  the type of the actor's desk (API client's, or active habilitation's), or null
     */
    public Decision radier(Actor actor, String territoire, MotifRadiation motif, String typeGuichet) {
        if (actor instanceof Actor.Systeme) {
            return motif == MotifRadiation.RADREN ? Decision.AUTORISEE : Decision.REFUSEE;
        }
        Decision decision = switch (actor) {
            case Actor.ClientApi c -> client(c, territoire);
            case Actor.Professionnel p -> Perimetre.decider(p, territoire, GUICHETS_ET_GT);
            default -> Decision.REFUSEE;
        };
        if (!decision.autorisee() || motif == null) {
            return decision;
        }
        return switch (motif) {
            case RADREN -> Decision.REFUSEE;
            case RADATT -> BAILLEUR.equals(typeGuichet) ? Decision.AUTORISEE : Decision.REFUSEE;
            case RADABA, RADIRR, RADCON -> Decision.AUTORISEE;
        };
    }

    public Decision deradier(Actor actor, String territoire) {
        return switch (actor) {
            case Actor.Professionnel p -> Perimetre.decider(p, territoire, DERADIATION);
            case Actor.ClientApi c -> territoire.equals(c.territoire()) ? Decision.REFUSEE : Decision.INTROUVABLE;
            default -> Decision.REFUSEE;
        };
    }

    private static Decision client(Actor.ClientApi c, String territoire) {
        if (!territoire.equals(c.territoire())) {
            return Decision.INTROUVABLE;
        }
        return c.scopes().contains("demandes") ? Decision.AUTORISEE : Decision.REFUSEE;
    }
}
