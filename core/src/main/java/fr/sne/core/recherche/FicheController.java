package fr.sne.core.recherche;

import fr.sne.tenants.web.Acces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The summary sheet of an application, {@code GET /pro/demandes/{numero}/fiche.pdf}. */
@Controller("/pro/demandes/{numero}/fiche.pdf")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class FicheController {

    private final FicheSynthese fiche;

    FicheController(FicheSynthese fiche) {
        this.fiche = fiche;
    }

    @Get
    @Produces("application/pdf")
    HttpResponse<byte[]> pdf(HttpRequest<?> request, @PathVariable String numero) {
        byte[] pdf = fiche.pdf(Acces.professionnel(request), numero);
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"fiche-synthese-" + numero + ".pdf\"")
                .header("Cache-Control", "no-store");
    }
}
