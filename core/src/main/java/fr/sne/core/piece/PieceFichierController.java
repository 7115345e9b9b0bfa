package fr.sne.core.piece;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Refus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * A document's bytes for the pages: professionals under {@code /pro/demandes/{n}/pieces/{id}/fichier},
 * the applicant under {@code /mes-demandes/{n}/pieces/{id}/fichier}. Shown in the browser unless
 * {@code telechargement=true}; {@code version} (original, masquee, apercu) asks for one version.
 * Links only (GET, nothing changes but the history): no form, no CSRF token.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PieceFichierController {

    private final PieceService service;

    PieceFichierController(PieceService service) {
        this.service = service;
    }

    @Get("/pro/demandes/{numero}/pieces/{id}/fichier")
    @Produces({MediaType.ALL, MediaType.TEXT_HTML})
    HttpResponse<?> professionnel(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id,
                                  @Nullable @QueryValue String version, @Nullable @QueryValue Boolean telechargement) {
        Actor.Professionnel p = Acces.professionnel(request);
        return servir(p, numero, id, version, telechargement);
    }

    @Get("/mes-demandes/{numero}/pieces/{id}/fichier")
    @Produces({MediaType.ALL, MediaType.TEXT_HTML})
    HttpResponse<?> demandeur(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id,
                              @Nullable @QueryValue String version, @Nullable @QueryValue Boolean telechargement) {
        if (!(Actors.of(request) instanceof Actor.Particulier p)) {
            throw new Refus(HttpStatus.FORBIDDEN, "Espace réservé aux demandeurs");
        }
        return servir(p, numero, id, version, telechargement);
    }

    private HttpResponse<?> servir(Actor actor, String numero, long id, String version, Boolean telechargement) {
        boolean attache = Boolean.TRUE.equals(telechargement);
        FichierPiece f = service.ouvrir(actor, numero, id, ReponsesPieces.version(version).orElse(null), attache);
        return ReponsesPieces.fichier(f, attache);
    }
}
