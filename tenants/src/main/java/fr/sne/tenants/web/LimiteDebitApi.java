package fr.sne.tenants.web;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Rate limit of the vendors' API, per API client: a token bucket of {@code sne.api.limite-par-minute}
 * requests (600 by default) refilled continuously. The buckets live in this node's memory: with
 * N nodes behind a load balancer a client may make up to N times the limit; the limit protects
 * each node, it is not a contract quota. Beyond it: 429 problem+json with {@code Retry-After}.
 * Anonymous calls (the public XSD) are not counted.
 */
@ServerFilter("/api/**")
final class LimiteDebitApi implements Ordered {

    private final int parMinute;
    private final Clock clock;
    private final ConcurrentMap<String, Seau> seaux = new ConcurrentHashMap<>();

    LimiteDebitApi(@Value("${sne.api.limite-par-minute:600}") int parMinute, Clock clock) {
        this.parMinute = Math.max(1, parMinute);
        this.clock = clock;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limiter(HttpRequest<?> request) {
        if (!(Actors.of(request) instanceof Actor.ClientApi client)) {
            return null;
        }
        long attente = seaux.computeIfAbsent(client.clientId(), id -> new Seau(parMinute, clock.millis()))
                .prendre(parMinute, clock.millis());
        if (attente == 0) {
            return null;
        }
        long secondes = Math.max(1, (attente + 999) / 1000);
        return new Probleme("about:blank", "Trop de requêtes", 429, "Le client d'API « " + client.clientId()
                + " » a dépassé la limite de " + parMinute + " requêtes par minute. Réessayez dans " + secondes
                + " seconde(s) (en-tête Retry-After).", request.getPath(), java.util.List.of())
                .response().header(HttpHeaders.RETRY_AFTER, Long.toString(secondes));
    }

    @Override
    public int getOrder() {
        // after the actor is known (ActorFilter runs at SECURITY.after())
        return ServerFilterPhase.SECURITY.after() + 10;
    }

    /** One client's tokens; synchronised per client, never across clients. */
    private static final class Seau {
        private double jetons;
        private long derniere;

        Seau(int capacite, long maintenant) {
            this.jetons = capacite;
            this.derniere = maintenant;
        }

        /** Takes a token: 0 when granted, else the milliseconds until one is available. */
        synchronized long prendre(int parMinute, long maintenant) {
            double parMs = parMinute / 60_000.0;
            jetons = Math.min(parMinute, jetons + Math.max(0, maintenant - derniere) * parMs);
            derniere = Math.max(derniere, maintenant);
            if (jetons >= 1) {
                jetons -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - jetons) / parMs);
        }
    }
}
