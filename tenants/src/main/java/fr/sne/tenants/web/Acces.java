package fr.sne.tenants.web;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.identity.Decision;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;

/** Turns a policy decision into the answer: 404 outside the actor's reach, 403 for the wrong profile. */
public final class Acces {

    private Acces() {
    }

    public static void exiger(Decision decision) {
        switch (decision) {
            case AUTORISEE -> { }
            case INTROUVABLE -> throw new Refus(HttpStatus.NOT_FOUND, "Ressource introuvable");
            case REFUSEE -> throw new Refus(HttpStatus.FORBIDDEN, "Accès refusé");
        }
    }

    /** The database scope of the actor's active habilitation, or 403 without one. */
    public static fr.sne.tenants.tenancy.Scope scope(Actor actor) {
        return fr.sne.tenants.identity.Perimetre.habilitation(actor).map(fr.sne.tenants.identity.Habilitation::scope)
                .orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Aucune habilitation active"));
    }

    /** The signed-in professional, or 403 for anybody else. */
    public static Actor.Professionnel professionnel(HttpRequest<?> request) {
        if (Actors.of(request) instanceof Actor.Professionnel p) {
            return p;
        }
        throw new Refus(HttpStatus.FORBIDDEN, "Espace réservé aux professionnels");
    }
}
