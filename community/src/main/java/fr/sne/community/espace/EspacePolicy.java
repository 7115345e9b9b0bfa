package fr.sne.community.espace;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;

import java.util.Optional;

/**
 * The one place deciding who may do what in a community space. Every feature of the spaces
 * (forums, wiki, news, calendar, notifications, search, ICS feeds) asks it.
 * <ul>
 * <li>Only professionals with at least one habilitation take part; others know of no space.</li>
 * <li>A space is visible to its explicit members, to everyone its visibility admits (any
 *     habilitation for PROFESSIONNELS, one on the territory for TERRITOIRE, one with the profile
 *     for PROFIL; INVITATION: members only), and to national administrators. Invisible: 404.</li>
 * <li>Taking part needs visibility and a space that is not archived.</li>
 * <li>Moderating: the space's moderators and owners, and national administrators.</li>
 * <li>Managing settings and members: owners and national administrators.</li>
 * </ul>
 */
public final class EspacePolicy {

    private EspacePolicy() {
    }

    public static Decision decider(Actor actor, Espace espace, Optional<RoleEspace> role, ActionEspace action) {
        if (!(actor instanceof Actor.Professionnel p) || p.habilitations().isEmpty()) {
            return Decision.INTROUVABLE;
        }
        boolean admin = administrateur(p);
        if (!voit(p, espace, role) && !admin) {
            return Decision.INTROUVABLE;
        }
        boolean autorise = switch (action) {
            case VOIR -> true;
            case PARTICIPER -> !espace.archive();
            case MODERER -> admin || role.map(RoleEspace::modere).orElse(false);
            case GERER -> admin || role.filter(r -> r == RoleEspace.PROPRIETAIRE).isPresent();
        };
        return autorise ? Decision.AUTORISEE : Decision.REFUSEE;
    }

    /** Whether the space is visible without being a national administrator. */
    private static boolean voit(Actor.Professionnel p, Espace espace, Optional<RoleEspace> role) {
        if (role.isPresent()) {
            return true;
        }
        return switch (espace.visibilite()) {
            case PROFESSIONNELS -> true;
            case TERRITOIRE -> p.habilitations().stream().anyMatch(h -> espace.territoire().equals(h.territoire()));
            case PROFIL -> p.habilitations().stream().map(Habilitation::profil).anyMatch(espace.profil()::equals);
            case INVITATION -> false;
        };
    }

    /** National administrators create spaces and may manage any of them. */
    public static boolean administrateur(Actor actor) {
        return actor instanceof Actor.Professionnel p
                && p.habilitations().stream().anyMatch(h -> h.profil() == Profil.ADMINISTRATEUR_NATIONAL);
    }
}
