package fr.sne.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** Test-only page whose template fails while rendering. */
@Controller("/essai/gabarit-casse")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(env = "test")
class GabaritCasseController {

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page() {
        return new ModelAndView<>("essai/casse", Map.of("objet", "texte"));
    }
}
