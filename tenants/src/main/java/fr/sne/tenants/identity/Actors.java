package fr.sne.tenants.identity;

import io.micronaut.http.HttpRequest;

/** Reads the actor {@link ActorFilter} resolved for a request. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(HttpRequest<?> request) {
        return request.getAttribute(Actor.ATTRIBUTE, Actor.class).orElseGet(Actor.Anonyme::new);
    }
}
