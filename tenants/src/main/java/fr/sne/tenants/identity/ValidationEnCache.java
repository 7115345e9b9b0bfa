package fr.sne.tenants.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token validators, asked as Micronaut asks them (all at once, the first acceptance wins),
 * and an accepted token remembered until it expires, at most {@link #DUREE_MAX}: a revoked token
 * may thus pass for up to five minutes, while a deactivated API client or habilitation is refused
 * at once (the actor is resolved from the database on every request). Refusals are not kept.
 */
final class ValidationEnCache implements TokenValidator<HttpRequest<?>> {

    static final Duration DUREE_MAX = Duration.ofMinutes(5);
    /** Without a readable expiry (an opaque token): this long. */
    static final Duration DUREE_SANS_EXPIRATION = Duration.ofMinutes(1);
    static final int TAILLE_MAX = 10_000;
    private static final Pattern EXPIRATION = Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,12})");

    private record Entree(Authentication authentification, Instant expire) {
    }

    private final List<TokenValidator<HttpRequest<?>>> validateurs;
    private final Clock clock;
    private final Map<String, Entree> acceptes = new ConcurrentHashMap<>();

    ValidationEnCache(List<TokenValidator<HttpRequest<?>>> validateurs, Clock clock) {
        this.validateurs = List.copyOf(validateurs);
        this.clock = clock;
    }

    @Override
    public Publisher<Authentication> validateToken(String jeton, HttpRequest<?> request) {
        Instant maintenant = clock.instant();
        Entree e = acceptes.get(jeton);
        if (e != null && e.expire().isAfter(maintenant)) {
            return Mono.just(e.authentification());
        }
        return Flux.fromIterable(validateurs).flatMap(v -> v.validateToken(jeton, request)).next()
                .doOnNext(a -> retenir(jeton, a, maintenant));
    }

    private void retenir(String jeton, Authentication a, Instant maintenant) {
        if (acceptes.size() >= TAILLE_MAX) {
            acceptes.values().removeIf(e -> !e.expire().isAfter(maintenant));
            if (acceptes.size() >= TAILLE_MAX) {
                acceptes.clear();
            }
        }
        Instant limite = maintenant.plus(DUREE_MAX);
        Instant expire = expiration(jeton).orElse(maintenant.plus(DUREE_SANS_EXPIRATION));
        acceptes.put(jeton, new Entree(a, expire.isBefore(limite) ? expire : limite));
    }

    /** The {@code exp} claim of a JWT already accepted by a validator (only bounds how long it is remembered). */
    static java.util.Optional<Instant> expiration(String jeton) {
        String[] parties = jeton.split("\\.");
        if (parties.length != 3) {
            return java.util.Optional.empty();
        }
        try {
            String charge = new String(Base64.getUrlDecoder().decode(parties[1]), StandardCharsets.UTF_8);
            Matcher m = EXPIRATION.matcher(charge);
            return m.find() ? java.util.Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
