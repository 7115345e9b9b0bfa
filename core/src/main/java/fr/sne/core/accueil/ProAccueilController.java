package fr.sne.core.accueil;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.views.ModelAndView;

import java.net.URI;

import java.util.Map;

/** The professionals' home: who is signed in and with which habilitation (added by the layout model). */
@Controller("/pro")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class ProAccueilController {

    @Get
    HttpResponse<?> accueil(HttpRequest<?> request) {
        // several habilitations and none chosen for this session yet: choose first
        if (Actors.of(request) instanceof Actor.Professionnel p && p.choixRequis()) {
            return HttpResponse.seeOther(URI.create("/pro/habilitation"));
        }
        boolean professionnel = Actors.of(request) instanceof Actor.Professionnel;
        return HttpResponse.ok(new ModelAndView<>("pro/accueil",
                Map.of("currentNav", "pro", "professionnel", professionnel)));
    }
}
