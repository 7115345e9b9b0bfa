package fr.sne.tenants.identity;

import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a validated token into an {@link Actor}. A person's token is the provider's id_token
 * for our web client ({@code aud} contains it); anything else must be the access token of a
 * registered, active API client ({@code client_id}, {@code azp} or {@code sub}).
 */
@Singleton
public class ActorResolver {

    private final IdentityRepository identities;
    private final TenantTransactions transactions;
    private final String webClientId;
    // One provider signs everyone in; tokens were already checked against this issuer.
    private final String issuer;
    private final Clock clock;

    public ActorResolver(IdentityRepository identities, TenantTransactions transactions,
                         @Value("${sne.oidc.client-id}") String webClientId,
                         @Value("${sne.oidc.issuer}") String issuer, Clock clock) {
        this.identities = identities;
        this.issuer = issuer;
        this.transactions = transactions;
        this.webClientId = webClientId;
        this.clock = clock;
    }

    /** A person signed in on the web pages, or empty when the token is not a web sign-in. */
    public Optional<Actor> person(Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        if (!audience(claims).contains(webClientId)) {
            return Optional.empty();
        }
        String subject = authentication.getName();
        String email = string(claims, "email");
        // First visit of an invited user: the account is found by e-mail and linked to this identity.
        return transactions.withoutScope(() -> identities.findByIdentity(issuer, subject)
                .or(() -> email == null ? Optional.empty() : identities.recordSignIn(issuer, subject, email,
                        string(claims, "given_name"), firstNonNull(string(claims, "usual_name"), string(claims, "family_name")),
                        clock.instant()))
                .<Actor>map(u -> new Actor.Professionnel(u.id(), u.email(), u.prenom(), u.nom(),
                        identities.activeHabilitations(u.id())))
                .or(() -> Optional.of(new Actor.Particulier(string(claims, "email"), string(claims, "given_name"),
                        firstNonNull(string(claims, "usual_name"), string(claims, "family_name"))))));
    }

    /** The registered, active API client behind a client-credentials token. */
    public Optional<Actor.ClientApi> apiClient(Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        if (audience(claims).contains(webClientId)) {
            return Optional.empty();
        }
        String clientId = firstNonNull(string(claims, "client_id"), string(claims, "azp"), authentication.getName());
        if (clientId == null) {
            return Optional.empty();
        }
        return transactions.withoutScope(() -> identities.activeApiClient(clientId));
    }

    /** Links the provider's identity to the user at sign-in and records the sign-in time. */
    public void recordSignIn(Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        String email = string(claims, "email");
        if (email == null) {
            return;
        }
        transactions.withoutScope(() -> identities.recordSignIn(issuer, authentication.getName(), email,
                string(claims, "given_name"), firstNonNull(string(claims, "usual_name"), string(claims, "family_name")),
                clock.instant()));
    }

    private static Collection<?> audience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        if (aud instanceof Collection<?> c) {
            return c;
        }
        return aud == null ? java.util.List.of() : java.util.List.of(aud.toString());
    }

    private static String string(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null ? null : value.toString();
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
