package fr.sne.core.portail;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** The public portal's home: what applicants can do. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class PortailController {

    @Get
    @View("portail/accueil")
    Map<String, Object> accueil() {
        return Map.of("currentNav", "portail");
    }
}
