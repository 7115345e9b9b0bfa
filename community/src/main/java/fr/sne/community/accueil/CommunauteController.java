package fr.sne.community.accueil;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** SNE Communautés' home, for signed-in professionals. */
@Controller("/communaute")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class CommunauteController {

    @Get
    @View("communaute/accueil")
    Map<String, Object> accueil() {
        return Map.of("currentNav", "communaute");
    }
}
