package fr.sne.core.evenement;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.TypeEvenement;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Probleme;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.List;

/** The vendors' API of an application's shared history (contract v1.0, "Events"). */
@Controller("/api/v1.0/demandes/{numeroUnique}/evenements")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class EvenementApiController {

    private final EvenementService service;
    private final CatalogueEvenements catalogue;

    EvenementApiController(EvenementService service, CatalogueEvenements catalogue) {
        this.service = service;
        this.catalogue = catalogue;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ajouter un événement à l'historique partagé d'une demande",
            description = "Saisi au nom du guichet de l'appelant. Le type est un code d'origine GUICHET du référentiel "
                    + "/api/v1.0/referentiels/evenements ; la date de survenance est au plus aujourd'hui et au plus tôt la date "
                    + "de dépôt ; le commentaire (4 000 caractères au plus) est obligatoire pour REFDEM et NOTINT. "
                    + "Écrit avec son mouvement EVT (GDM) et sa trace d'audit. Anomalie → 400 avec « anomalies » ; "
                    + "demande inconnue ou d'un autre territoire → 404.",
            security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "201", description = "L'événement enregistré, avec son id (en-tête Location)",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvenementJson.class))),
                    @ApiResponse(responseCode = "400", description = "Type inconnu ou du système, date future ou invalide, commentaire trop long",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "403", description = "Profil sans droit de saisie", content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "404", description = "Aucune demande de ce numéro dans le territoire de l'appelant",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    HttpResponse<?> ajouter(HttpRequest<?> request, @PathVariable String numeroUnique, @Body SaisieEvenement saisie) {
        try {
            Evenement e = service.ajouter(Actors.of(request), numeroUnique, saisie);
            return HttpResponse.created(EvenementJson.de(e, catalogue.type(e.code())),
                    URI.create("/api/v1.0/demandes/" + numeroUnique + "/evenements/" + e.id()));
        } catch (SaisieInvalide e) {
            return new Probleme("about:blank", "Événement invalide", 400, "L'événement contient des anomalies : voir « anomalies ».",
                    request.getPath(), e.anomalies()).response();
        }
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lister l'historique partagé d'une demande",
            description = "Du plus récent au plus ancien (date de survenance) : événements du système et des guichets, y compris "
                    + "ceux que leur guichet a supprimés (supprime = true). La lecture est tracée.",
            security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Les événements",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    array = @ArraySchema(schema = @Schema(implementation = EvenementJson.class)))),
                    @ApiResponse(responseCode = "404", description = "Aucune demande de ce numéro dans le territoire de l'appelant",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    List<EvenementJson> lister(HttpRequest<?> request, @PathVariable String numeroUnique) {
        return service.lire(Actors.of(request), numeroUnique).evenements().stream()
                .map(e -> EvenementJson.de(e, catalogue.type(e.code()))).toList();
    }

    @Get("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire un événement de l'historique partagé d'une demande",
            security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "L'événement",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvenementJson.class))),
                    @ApiResponse(responseCode = "404", description = "Demande ou événement inconnu dans le territoire de l'appelant",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    EvenementJson lire(HttpRequest<?> request, @PathVariable String numeroUnique, @PathVariable long id) {
        Evenement e = service.lire(Actors.of(request), numeroUnique, id);
        return EvenementJson.de(e, catalogue.type(e.code()));
    }

    @Delete("/{id}")
    @Operation(summary = "Supprimer un événement saisi par le guichet de l'appelant",
            description = "Seul le guichet qui a saisi l'événement le supprime (un autre guichet → 403) ; un événement du système "
                    + "ne se supprime pas (403). L'événement reste dans l'historique des professionnels, marqué supprimé, et "
                    + "disparaît pour le demandeur. Le supprimer à nouveau ne change rien (204). Mouvement EVT et trace d'audit.",
            security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "204", description = "Supprimé"),
                    @ApiResponse(responseCode = "403", description = "Événement d'un autre guichet, ou du système",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "404", description = "Demande ou événement inconnu dans le territoire de l'appelant",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    HttpResponse<?> supprimer(HttpRequest<?> request, @PathVariable String numeroUnique, @PathVariable long id) {
        service.supprimer(Actors.of(request), numeroUnique, id);
        return HttpResponse.noContent();
    }
}
