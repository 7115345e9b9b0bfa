package fr.sne.core.cycle;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.ProtectionCsrf;
import fr.sne.tenants.web.Refus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The applicant renews their own application on the portal: a confirmation page (the new
 * deadline, what renewal keeps), then the renewal itself, back to their application's page.
 */
@Controller("/mes-demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class RenouvellementEnLigneController {

    private final CycleService cycle;
    private final DemandeService demandes;

    RenouvellementEnLigneController(CycleService cycle, DemandeService demandes) {
        this.cycle = cycle;
        this.demandes = demandes;
    }

    @Get("/{numero}/renouvellement")
    ModelAndView<Map<String, Object>> confirmation(HttpRequest<?> request, @PathVariable String numero) {
        Actor.Particulier demandeur = demandeur(request);
        DemandeJson.Demande d = demandes.consulter(demandeur, numero);
        LocalDate aujourdhui = cycle.aujourdhui();
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "portail");
        model.put("demande", d);
        model.put("reactivation", !"ACTIVE".equals(d.etat()));
        model.put("depot", CycleService.jour(d.dateDepot()));
        model.put("echeance", CycleService.jour(d.dateProchainRenouvellement()));
        model.put("nouvelleEcheance", CycleService.jour(Echeances.prochaine(aujourdhui)));
        return new ModelAndView<>("portail/demande/cycle/renouvellement", model);
    }

    @Post("/{numero}/renouvellement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> renouveler(HttpRequest<?> request, @PathVariable String numero, @Nullable @Body Map<String, String> form) {
        cycle.renouveler(demandeur(request), numero, null);
        return HttpResponse.seeOther(URI.create("/mes-demandes/" + numero + "#cycle"));
    }

    private static Actor.Particulier demandeur(HttpRequest<?> request) {
        if (Actors.of(request) instanceof Actor.Particulier p) {
            return p;
        }
        throw new Refus(HttpStatus.FORBIDDEN, "Espace réservé aux demandeurs");
    }
}
