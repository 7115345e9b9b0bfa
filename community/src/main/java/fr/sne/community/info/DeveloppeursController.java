package fr.sne.community.info;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/**
 * The vendors' developer documentation on the public information site: authentication, the
 * XSD, errors, idempotency and versions, GDM and exports (fragments of their own features).
 */
@Controller("/info/developpeurs")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class DeveloppeursController {

    private final String issuer;
    private final int limiteParMinute;

    DeveloppeursController(@Value("${sne.oidc.issuer:}") String issuer,
                           @Value("${sne.api.limite-par-minute:600}") int limiteParMinute) {
        this.issuer = issuer;
        this.limiteParMinute = limiteParMinute;
    }

    @Get
    @View("info/developpeurs/index")
    Map<String, Object> page() {
        String base = issuer == null || issuer.isBlank() ? "https://<fournisseur d'identité>" : issuer.replaceAll("/+$", "");
        return Map.of("currentNav", "info", "urlJeton", base + "/token", "limiteParMinute", limiteParMinute);
    }
}
