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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ActorResolver.class);

    private final IdentityRepository identities;
    private final TenantTransactions transactions;
    private final String webClientId;
    // One provider signs everyone in; tokens were already checked against this issuer.
    private final String issuer;
    private final Clock clock;
    private final ChoixHabilitation choix;

    public ActorResolver(IdentityRepository identities, TenantTransactions transactions,
                         @Value("${sne.oidc.client-id}") String webClientId,
                         @Value("${sne.oidc.issuer}") String issuer, Clock clock, ChoixHabilitation choix) {
        this.choix = choix;
        this.identities = identities;
        this.issuer = issuer;
        this.transactions = transactions;
        this.webClientId = webClientId;
        this.clock = clock;
    }

    /**
     * A person signed in on the web pages, or empty when the token is not a web sign-in.
     * {@code choixCookie} is the signed active-habilitation cookie, if the request has one.
     * Reads only, except on a person's very first request (account link or creation).
     */
    public Optional<Actor> person(Authentication authentication, String choixCookie) {
        Map<String, Object> claims = authentication.getAttributes();
        if (!audience(claims).contains(webClientId)) {
            return Optional.empty();
        }
        String subject = authentication.getName();
        return transactions.withoutScope(() -> {
            if (!professionalIdentity(claims)) {
                return Optional.<Actor>of(identities.findApplicant(issuer, subject)
                        .orElseGet(() -> applicant(subject, claims)));
            }
            return identities.findByIdentity(issuer, subject)
                    .or(() -> linkOrCreate(subject, claims))
                    .<Actor>map(u -> new Actor.Professionnel(u.id(), u.email(), u.prenom(), u.nom(),
                            identities.activeHabilitations(u.id()), choix.lire(subject, choixCookie).orElse(null)));
        }).or(() -> Optional.of(new Actor.Anonyme()));
    }

    /**
     * First sign-in of a professional identity: the account of an invited user is found by
     * e-mail (only for ProConnect-style identities, never for applicants') and linked to it;
     * otherwise an account without habilitation is created, from which one can be requested.
     */
    private Optional<IdentityRepository.UtilisateurRow> linkOrCreate(String subject, Map<String, Object> claims) {
        String email = string(claims, "email");
        if (email == null) {
            return Optional.empty();
        }
        String prenom = string(claims, "given_name");
        String nom = firstNonNull(string(claims, "usual_name"), string(claims, "family_name"));
        Optional<IdentityRepository.UtilisateurRow> user = identities.recordSignIn(issuer, subject, email, prenom, nom, clock.instant())
                .or(() -> identities.createUser(issuer, subject, email, prenom, nom, clock.instant()));
        if (user.isEmpty()) {
            LOG.warn("Connexion refusée : l'adresse {} est déjà rattachée à une autre identité", email);
        }
        return user;
    }

    /** ProConnect identities carry these claims; FranceConnect ones do not. */
    private static boolean professionalIdentity(Map<String, Object> claims) {
        return claims.containsKey("idp_id") || claims.containsKey("siret") || claims.containsKey("usual_name");
    }

    private Actor.Particulier applicant(String subject, Map<String, Object> claims) {
        String prenom = string(claims, "given_name");
        String nomNaissance = string(claims, "family_name");
        String nomUsage = firstNonNull(string(claims, "preferred_username"), string(claims, "usual_name"));
        long id = identities.recordApplicant(issuer, subject, string(claims, "email"), prenom, nomNaissance, nomUsage,
                birthdate(string(claims, "birthdate")), clock.instant());
        return new Actor.Particulier(id, string(claims, "email"), prenom, firstNonNull(nomUsage, nomNaissance));
    }

    private static java.time.LocalDate birthdate(String value) {
        try {
            return value == null ? null : java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
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

    /** At sign-in: links or creates the account and records the sign-in time. */
    public void recordSignIn(Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        transactions.withoutScope(() -> {
            if (professionalIdentity(claims)) {
                linkOrCreate(authentication.getName(), claims);
            } else {
                applicant(authentication.getName(), claims);
            }
            return null;
        });
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
