package fr.sne.core.gdm;

import fr.sne.tenants.identity.Actor;

import java.util.Optional;

/**
 * Who may read the feed: vendors' systems only (API clients holding the {@code mouvements} scope),
 * and only their desk's territory. Professionals follow applications through the pages; the feed
 * is a machine interface.
 */
final class PolitiqueMouvements {

    /** The API client scope that opens the feed. */
    static final String PORTEE = "mouvements";

    private PolitiqueMouvements() {
    }

    /** The territory the actor reads, or empty when the feed is not for them (403). */
    static Optional<String> territoire(Actor actor) {
        return actor instanceof Actor.ClientApi c && c.territoire() != null && c.scopes().contains(PORTEE)
                ? Optional.of(c.territoire()) : Optional.empty();
    }
}
