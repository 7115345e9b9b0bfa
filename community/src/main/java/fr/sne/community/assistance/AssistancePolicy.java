package fr.sne.community.assistance;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place deciding who may do what with support tickets.
 * <ul>
 *     <li>Agents: professionals whose active habilitation is national support (assistance
 *     nationale, administrateur national): every ticket, internal notes, handling.</li>
 *     <li>The requester and the explicit participants: read and reply; the requester (and agents)
 *     share and add participants.</li>
 *     <li>Members of the requester's organisation when the ticket is shared with it, and members
 *     of the teams it is shared with: read only (public replies, never internal notes).</li>
 *     <li>Anybody else: the ticket does not exist for them (404).</li>
 *     <li>Filing tickets: any professional with an active habilitation. Teams and service levels:
 *     national administrators.</li>
 * </ul>
 */
public final class AssistancePolicy {

    private AssistancePolicy() {
    }

    public static boolean agent(Actor actor) {
        return actor instanceof Actor.Professionnel p && p.habilitationActive()
                .map(h -> h.profil() == Profil.ASSISTANCE_NATIONALE || h.profil() == Profil.ADMINISTRATEUR_NATIONAL)
                .orElse(false);
    }

    public static boolean administrateur(Actor actor) {
        return actor instanceof Actor.Professionnel p && p.habilitationActive()
                .map(h -> h.profil() == Profil.ADMINISTRATEUR_NATIONAL).orElse(false);
    }

    /** Filing a ticket (and the suggestions, the preferences). */
    public static Decision creer(Actor actor) {
        return actor instanceof Actor.Professionnel p && p.habilitationActive().isPresent() ? Decision.AUTORISEE : Decision.REFUSEE;
    }

    /** Teams, opening hours, holidays and targets. */
    public static Decision administrer(Actor actor) {
        return administrateur(actor) ? Decision.AUTORISEE : Decision.REFUSEE;
    }

    /** The queues and the agents' report. */
    public static Decision traiter(Actor actor) {
        return agent(actor) ? Decision.AUTORISEE : Decision.REFUSEE;
    }

    /** The organisations of every habilitation of the actor (keys of {@link Organisation#cle()}). */
    public static Set<String> organisations(Actor actor) {
        if (!(actor instanceof Actor.Professionnel p)) {
            return Set.of();
        }
        return p.habilitations().stream().map(Organisation::de).filter(Objects::nonNull).map(Organisation::cle)
                .collect(Collectors.toSet());
    }

    /** The organisation a new ticket belongs to: the active habilitation's. */
    public static Optional<Organisation> organisationActive(Actor actor) {
        if (!(actor instanceof Actor.Professionnel p)) {
            return Optional.empty();
        }
        return p.habilitationActive().map(Organisation::de);
    }

    /** The territory a new ticket carries: the active habilitation's (null when national). */
    public static String territoire(Actor actor) {
        return actor instanceof Actor.Professionnel p ? p.habilitationActive().map(Habilitation::territoire).orElse(null) : null;
    }

    /**
     * Whether {@code lecteur} may do {@code action} on a ticket shared with {@code equipes}
     * and with explicit {@code participants}.
     */
    public static Decision decider(Lecteur lecteur, Ticket ticket, Set<Long> equipes, Set<Long> participants, ActionTicket action) {
        if (lecteur.agent()) {
            return Decision.AUTORISEE;
        }
        boolean demandeur = ticket.demandeurId() == lecteur.utilisateurId();
        boolean participant = participants.contains(lecteur.utilisateurId());
        boolean lecteurOrganisation = ticket.partageOrganisation() && ticket.organisation() != null
                && lecteur.organisations().contains(ticket.organisation().cle());
        boolean lecteurEquipe = equipes.stream().anyMatch(lecteur.equipes()::contains);
        if (!demandeur && !participant && !lecteurOrganisation && !lecteurEquipe) {
            return Decision.INTROUVABLE;
        }
        return switch (action) {
            case VOIR -> Decision.AUTORISEE;
            case COMMENTER -> (demandeur || participant) && ticket.statut() != StatutTicket.TERMINE ? Decision.AUTORISEE : Decision.REFUSEE;
            case PARTAGER -> demandeur && ticket.statut() != StatutTicket.TERMINE ? Decision.AUTORISEE : Decision.REFUSEE;
            case NOTES_INTERNES, TRAITER -> Decision.REFUSEE;
        };
    }

    /** Who may reply (page or mail): the requester, explicit participants and agents. */
    public static boolean peutCommenter(Ticket ticket, Set<Long> participants, long utilisateurId, boolean agent) {
        if (ticket.statut() == StatutTicket.TERMINE && !agent) {
            return false;
        }
        return agent || ticket.demandeurId() == utilisateurId || participants.contains(utilisateurId);
    }
}
