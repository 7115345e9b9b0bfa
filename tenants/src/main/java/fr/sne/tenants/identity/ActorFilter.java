package fr.sne.tenants.identity;

import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;

/**
 * Resolves the request's {@link Actor} once, after authentication, and stores it as a request
 * attribute. Under {@code /api/} a valid token is not enough: it must belong to a registered,
 * active API client, otherwise the request ends here with 401.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ActorFilter implements Ordered {

    private final ActorResolver resolver;

    ActorFilter(ActorResolver resolver) {
        this.resolver = resolver;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> resolve(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/static/")) {
            return null;
        }
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        Actor actor;
        if (path.startsWith("/api/")) {
            if (authentication.isEmpty()) {
                actor = new Actor.Anonyme();
            } else {
                Optional<Actor.ClientApi> client = resolver.apiClient(authentication.get());
                if (client.isEmpty()) {
                    return Probleme.of(HttpStatus.UNAUTHORIZED, "Authentification refusée",
                                    "Ce jeton n'appartient à aucun client d'API enregistré et actif.")
                            .response().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                }
                actor = client.get();
            }
        } else {
            String choix = request.getCookies().findCookie(ChoixHabilitation.COOKIE).map(c -> c.getValue()).orElse(null);
            actor = authentication.flatMap(a -> resolver.person(a, choix)).orElseGet(Actor.Anonyme::new);
        }
        request.setAttribute(Actor.ATTRIBUTE, actor);
        return null;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
