package fr.sne.tenants.identity;

import fr.sne.tenants.web.ProtectionCsrf;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
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

    DeconnexionController(ChoixHabilitation choix, CsrfConfiguration csrf,
                          @Value("${micronaut.security.token.cookie.cookie-name:JWT}") String jwtCookie) {
        this.choix = choix;
        this.jwtCookie = jwtCookie;
        this.csrfCookie = csrf.getCookieName();
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deconnecter(@Body Map<String, String> form) {
        return HttpResponse.seeOther(URI.create("/"))
                .cookie(Cookie.of(jwtCookie, "").path("/").maxAge(0).httpOnly(true))
                .cookie(Cookie.of(csrfCookie, "").path("/").maxAge(0).httpOnly(true))
                .cookie(choix.effacement());
    }
}
