package fr.sne.tenants.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Where an actor's active habilitation reaches, the common ground of every feature policy:
 * national profiles see every territory, the others only their own.
 */
public final class Perimetre {

    private Perimetre() {
    }

    /** The active habilitation of a professional, if any. */
    public static Optional<Habilitation> habilitation(Actor actor) {
        return actor instanceof Actor.Professionnel p ? p.habilitationActive() : Optional.empty();
    }

    /** Whether the territory is within the actor's reach (null territory: national objects). */
    public static boolean atteint(Habilitation h, String territoire) {
        return h.profil().portee() == Profil.Portee.NATIONALE || (territoire != null && territoire.equals(h.territoire()));
    }

    /**
     * The usual decision: a territory outside the reach → not found; otherwise allowed when the
     * profile is among those allowed. A null territory (national objects, creating a territory)
     * is outside nobody's knowledge: only the profile decides.
     */
    public static Decision decider(Actor actor, String territoire, Set<Profil> autorises) {
        Optional<Habilitation> h = habilitation(actor);
        if (h.isEmpty()) {
            return Decision.REFUSEE;
        }
        if (territoire != null && !atteint(h.get(), territoire)) {
            return Decision.INTROUVABLE;
        }
        return autorises.contains(h.get().profil()) ? Decision.AUTORISEE : Decision.REFUSEE;
    }
}
