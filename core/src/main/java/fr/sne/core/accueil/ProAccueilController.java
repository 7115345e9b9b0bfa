package fr.sne.core.accueil;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** The professionals' home: who is signed in and with which habilitation (added by the layout model). */
@Controller("/pro")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class ProAccueilController {

    @Get
    @View("pro/accueil")
    Map<String, Object> accueil() {
        return Map.of("currentNav", "pro");
    }
}
