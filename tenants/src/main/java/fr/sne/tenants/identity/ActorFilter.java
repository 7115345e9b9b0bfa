package fr.sne.tenants.identity;

import fr.sne.tenants.web.Probleme;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Resolves the request's {@link Actor} once, after authentication, and stores it as a request
 * attribute. Under {@code /api/} a valid token is not enough: it must belong to a registered,
 * active API client, otherwise the request ends here with 401. The database lookups run on the
 * blocking pool, never on the event loop.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class ActorFilter implements HttpServerFilter {

    private final ActorResolver resolver;
    private final Scheduler blocking;

    ActorFilter(ActorResolver resolver, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.resolver = resolver;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getPath().startsWith("/static/")) {
            return chain.proceed(request);
        }
        return Mono.fromCallable(() -> resolve(request))
                .subscribeOn(blocking)
                .flatMapMany(refus -> refus.<Publisher<MutableHttpResponse<?>>>map(Flux::just)
                        .orElseGet(() -> chain.proceed(request)));
    }

    /** Stores the actor; returns the refusal when an API token belongs to no registered client. */
    private Optional<MutableHttpResponse<?>> resolve(HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        Actor actor;
        if (request.getPath().startsWith("/api/")) {
            if (authentication.isEmpty()) {
                actor = new Actor.Anonyme();
            } else {
                Optional<Actor.ClientApi> client = resolver.apiClient(authentication.get());
                if (client.isEmpty()) {
                    return Optional.of(Probleme.of(HttpStatus.UNAUTHORIZED, "Authentification refusée",
                                    "Ce jeton n'appartient à aucun client d'API enregistré et actif.")
                            .response().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
                }
                actor = client.get();
            }
        } else {
            String choix = request.getCookies().findCookie(ChoixHabilitation.COOKIE).map(c -> c.getValue()).orElse(null);
            actor = authentication.flatMap(a -> resolver.person(a, choix)).orElseGet(Actor.Anonyme::new);
        }
        request.setAttribute(Actor.ATTRIBUTE, actor);
        return Optional.empty();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
