package fr.sne.core.demande;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.List;

/** The vendors' API for applications (contract v1.0): creation and reading, in JSON. */
@Controller("/api/v1.0/demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DemandeApiController {

    /** The contract's 409: a problem document naming the probable duplicates. */
    @Serdeable
    record ProblemeDoublons(String type, String title, int status, String detail, List<String> doublons) {
    }

    private final DemandeService service;

    DemandeApiController(DemandeService service) {
        this.service = service;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Créer et enregistrer une demande pour le guichet de l'appelant",
            description = "Numéro unique attribué par le serveur ; doublon probable → 409 sauf confirmationNonDoublon ; "
                    + "Idempotency-Key : une requête répétée renvoie le premier résultat.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> creer(HttpRequest<?> request, @Body DemandeJson.Creation creation,
                          @Nullable @Header("Idempotency-Key") String cle) {
        if (!(Actors.of(request) instanceof Actor.ClientApi client)) {
            return Probleme.of(HttpStatus.FORBIDDEN, "Accès refusé", "Cette ressource est réservée aux clients d'API.").response();
        }
        if (cle != null && (cle.isBlank() || cle.length() > 200)) {
            return new Probleme("about:blank", "Requête invalide", 400, "L'en-tête Idempotency-Key compte 1 à 200 caractères.",
                    request.getPath(), List.of(new Probleme.Anomalie("FORMAT", "Idempotency-Key", "1 à 200 caractères."))).response();
        }
        try {
            DemandeService.Resultat r = service.creer(client, creation, cle);
            DemandeJson.Demande d = r.demande();
            return HttpResponse.created(d, URI.create("/api/v1.0/demandes/" + d.numeroUnique()))
                    .header(HttpHeaders.ETAG, etag(d));
        } catch (DemandeInvalide e) {
            return new Probleme("about:blank", "Demande invalide", 400, "La demande contient des anomalies : voir « anomalies ».",
                    request.getPath(), e.anomalies()).response();
        } catch (DoublonsProbables e) {
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(Probleme.MEDIA_TYPE)
                    .body(new ProblemeDoublons("about:blank", "Doublon probable", 409,
                            "Une demande active du territoire a les mêmes nom de naissance, prénoms et date de naissance. "
                                    + "Pour enregistrer quand même, renseignez « confirmationNonDoublon » avec le motif.",
                            e.numeros()));
        }
    }

    @Get("/{numeroUnique}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire une demande du territoire de l'appelant", security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> lire(HttpRequest<?> request, @PathVariable String numeroUnique) {
        DemandeJson.Demande d = service.consulter(Actors.of(request), numeroUnique);
        return HttpResponse.ok(d).header(HttpHeaders.ETAG, etag(d));
    }

    private static String etag(DemandeJson.Demande d) {
        return "\"" + d.numeroUnique() + "-" + d.version() + "\"";
    }
}
