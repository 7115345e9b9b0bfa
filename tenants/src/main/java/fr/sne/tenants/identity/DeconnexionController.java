package fr.sne.tenants.identity;

import fr.sne.tenants.web.ProtectionCsrf;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadata;
import jakarta.inject.Named;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.util.Map;

/** Sign-out: clears the session cookies (token, chosen habilitation, CSRF) — only from our own form. */
@Controller("/logout")
@Secured(SecurityRule.IS_ANONYMOUS)
@ProtectionCsrf
class DeconnexionController {

    private final ChoixHabilitation choix;
    private final String jwtCookie;
    private final String csrfCookie;
    private final BeanProvider<OpenIdProviderMetadata> provider;
    private final HttpHostResolver hosts;
    private final String clientId;

    DeconnexionController(ChoixHabilitation choix, CsrfConfiguration csrf,
                          @Value("${micronaut.security.token.cookie.cookie-name:JWT}") String jwtCookie,
                          @Named("sne") BeanProvider<OpenIdProviderMetadata> provider, HttpHostResolver hosts,
                          @Value("${sne.oidc.client-id}") String clientId) {
        this.provider = provider;
        this.hosts = hosts;
        this.clientId = clientId;
        this.choix = choix;
        this.jwtCookie = jwtCookie;
        this.csrfCookie = csrf.getCookieName();
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deconnecter(HttpRequest<?> request, @Body Map<String, String> form) {
        return HttpResponse.seeOther(finDeSession(request))
                .cookie(Cookie.of(jwtCookie, "").path("/").maxAge(0).httpOnly(true))
                .cookie(Cookie.of(csrfCookie, "").path("/").maxAge(0).httpOnly(true))
                .cookie(choix.effacement());
    }

    /**
     * Ends the provider's session too (RP-initiated logout), so that the next person at a shared
     * desk computer must sign in again; back to the home page afterwards.
     */
    private URI finDeSession(HttpRequest<?> request) {
        String retour = hosts.resolve(request) + "/";
        String endpoint = provider.find(null).map(OpenIdProviderMetadata::getEndSessionEndpoint).orElse(null);
        String idToken = request.getCookies().findCookie(jwtCookie).map(Cookie::getValue).orElse(null);
        if (endpoint == null || idToken == null) {
            return URI.create("/");
        }
        return UriBuilder.of(endpoint).queryParam("id_token_hint", idToken).queryParam("client_id", clientId)
                .queryParam("post_logout_redirect_uri", retour).build();
    }
}
