package fr.sne.community.info;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** The public home of the professionals' information site. */
@Controller("/info")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class InfoController {

    @Get
    @View("info/accueil")
    Map<String, Object> accueil() {
        return Map.of("currentNav", "info");
    }
}
