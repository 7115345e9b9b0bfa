package fr.sne.core.export;

import fr.sne.tenants.identity.Actor;

import java.util.Optional;

/**
 * Who may export: only vendors' systems (API clients), for their desk's territory; each sees
 * only its own exports. Everything else is refused (403), another's export is not found (404).
 */
final class ExportPolicy {

    private ExportPolicy() {
    }

    /** The client allowed to export, if the actor is one. */
    static Optional<Actor.ClientApi> client(Actor actor) {
        return actor instanceof Actor.ClientApi c && c.territoire() != null ? Optional.of(c) : Optional.empty();
    }
}
