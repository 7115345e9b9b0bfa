package fr.sne.core.portail;

import fr.sne.core.enligne.DepotEnLigneService;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The public portal's home: what applicants can do and, once signed in, their applications and their status. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class PortailController {

    private final DepotEnLigneService depots;

    PortailController(DepotEnLigneService depots) {
        this.depots = depots;
    }

    @Get
    @View("portail/accueil")
    Map<String, Object> accueil(HttpRequest<?> request, @Nullable @QueryValue String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "portail");
        Actor actor = Actors.of(request);
        model.put("demandeur", actor instanceof Actor.Particulier);
        model.put("mesDemandes", depots.mesDemandes(actor));
        model.put("message", "brouillon".equals(message)
                ? "Votre demande est enregistrée : vous pouvez la reprendre quand vous le souhaitez." : null);
        return model;
    }

    /** "Suivre ma demande": the applicant's applications, after signing in when needed. */
    @Get("/suivi")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> suivi() {
        return HttpResponse.seeOther(URI.create("/#mes-demandes"));
    }
}
