package fr.sne.core.cycle;

import fr.sne.core.enligne.DemandeEnLigne;
import fr.sne.core.enligne.DepotEnLigneService;
import fr.sne.tenants.identity.Actors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.util.List;

/**
 * "Renouveler ma demande" on the portal's home (and in the renewal notices): after signing in,
 * the renewal panel of the applicant's application, or their list when they have several.
 */
@Controller("/renouvellement")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class RenouvellementPortailController {

    private final DepotEnLigneService depots;

    RenouvellementPortailController(DepotEnLigneService depots) {
        this.depots = depots;
    }

    @Get
    HttpResponse<?> renouvellement(HttpRequest<?> request) {
        List<String> enregistrees = depots.mesDemandes(Actors.of(request)).stream().map(DemandeEnLigne::numeroUnique)
                .filter(n -> n != null).toList();
        return HttpResponse.seeOther(URI.create(enregistrees.size() == 1 ? "/mes-demandes/" + enregistrees.getFirst() + "#cycle"
                : "/#mes-demandes"));
    }
}
