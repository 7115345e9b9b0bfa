package fr.sne.tenants.identity;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * Micronaut's token authentication, with its validators consulted once per token rather than
 * once per request ({@link ValidationEnCache}). An API client's bearer token is accepted by the
 * OAuth2 module's userinfo validator (its audience is not the web client's, so the JWT validator
 * refuses it), which calls the provider's userinfo endpoint: before this, one HTTP call to the
 * provider for every API request — measured by the bench (issue #11) at about a fifth of the
 * CPU of a registration, the provider's work included.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
final class AuthentificationParJeton extends TokenAuthenticationFetcher {

    AuthentificationParJeton(List<TokenValidator<HttpRequest<?>>> validateurs, TokenResolver<HttpRequest<?>> jetons,
                             ApplicationEventPublisher<TokenValidatedEvent> evenements, HttpHostResolver hotes,
                             HttpLocaleResolver langues, Clock clock) {
        super(List.of(new ValidationEnCache(validateurs, clock)), jetons, evenements, hotes, langues);
    }
}
