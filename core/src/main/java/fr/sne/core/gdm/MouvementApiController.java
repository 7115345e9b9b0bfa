package fr.sne.core.gdm;

import fr.sne.core.demande.ReponsesDemande;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;

/** GDM: the movements of the caller's territory since an instant (contract v1.0, "Movements (GDM)"). */
@Controller("/api/v1.0/mouvements")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MouvementApiController {

    private static final String EXEMPLE = """
            {
              "mouvements": [
                {"id": 1234567, "horodatage": "2025-03-14T13:41:07.123456Z", "numeroUnique": "038032500012338001",
                 "type": "MOD", "parties": ["demandeur"]},
                {"id": 1234570, "horodatage": "2025-03-14T13:41:09.004211Z", "numeroUnique": "038032500012438003",
                 "type": "REN", "parties": []}
              ],
              "curseurSuivant": "MTIzNC4xNzQxOTU5NjY5MDA0MjExLjEyMzQ1NzA.q2n0X8v1cJm3a9YwR2d6fA"
            }""";

    private final FluxMouvements flux;

    MouvementApiController(FluxMouvements flux) {
        this.flux = flux;
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire les mouvements des demandes du territoire depuis un instant (GDM)",
            description = "Toutes les modifications validées (création CRE, création après dissociation CRS, modification MOD, "
                    + "renouvellement REN, radiation RAD, annulation de radiation DERAD, événement EVT, pièce justificative PJ) "
                    + "des demandes du territoire du guichet de l'appelant, du plus ancien au plus récent, restreintes aux "
                    + "demandes souhaitant l'une des « communes » si elles sont indiquées. Suivez « curseurSuivant » (avec les "
                    + "mêmes depuis et communes) jusqu'à null. Une modification validée pendant votre lecture figure dans une "
                    + "fenêtre ultérieure qui chevauche la précédente : appelez toutes les 5 à 15 minutes (au moins une fois par "
                    + "heure), pour toutes vos communes en un seul appel, avec depuis = début de l'appel précédent moins "
                    + "10 minutes, et dédoublonnez par « id » (un mouvement garde son id d'une fenêtre à l'autre). "
                    + "Paramètre invalide ou curseur altéré → 400 avec « anomalies » ; appelant autre qu'un client d'API → 403.",
            security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Une page de mouvements",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = PageMouvements.class),
                                    examples = @ExampleObject(name = "page", value = EXEMPLE))),
                    @ApiResponse(responseCode = "400", description = "depuis absent ou invalide, limite hors de 1 à 1000, code "
                            + "commune invalide ou plus de 500 communes, curseur invalide ou d'une autre requête",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "403", description = "Réservé aux clients d'API ayant la portée « mouvements »",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    HttpResponse<?> lire(HttpRequest<?> request,
                         @Parameter(description = "Instant ISO-8601 avec fuseau (obligatoire), ex. 2025-03-14T14:31:00Z ; "
                                 + "encodez « + » en %2B", example = "2025-03-14T14:31:00Z")
                         @Nullable @QueryValue String depuis,
                         @Parameter(description = "Codes INSEE de communes séparés par des virgules (500 au plus) ; absent : "
                                 + "tout le territoire", example = "38185,38382")
                         @Nullable @QueryValue String communes,
                         @Parameter(description = "Le curseurSuivant de la page précédente") @Nullable @QueryValue String curseur,
                         @Parameter(description = "Nombre de mouvements par page, 1 à 1000 (100 par défaut)", example = "1000")
                         @Nullable @QueryValue String limite) {
        Actor actor = Actors.of(request);
        if (!(actor instanceof Actor.ClientApi)) {
            return ReponsesDemande.reserveAuxClients();
        }
        if (PolitiqueMouvements.territoire(actor).isEmpty()) {
            return Probleme.of(HttpStatus.FORBIDDEN, "Accès refusé",
                    "Ce client d'API n'est pas habilité à lire les mouvements (portée « mouvements »).").response();
        }
        RequeteMouvements requete;
        try {
            requete = RequeteMouvements.lire(depuis, communes, limite, curseur);
        } catch (RequeteMouvements.RequeteInvalide e) {
            return invalide(request, e.anomalies());
        }
        try {
            return flux.lire(actor, requete).<HttpResponse<?>>map(HttpResponse::ok)
                    .orElseGet(ReponsesDemande::reserveAuxClients);
        } catch (FluxMouvements.CurseurInvalide e) {
            return invalide(request, List.of(new Probleme.Anomalie("CURSEUR_INVALIDE", "curseur",
                    "Ce curseur n'a pas été émis pour cette requête : repassez le curseurSuivant reçu, tel quel, avec les mêmes "
                            + "depuis et communes, ou reprenez sans curseur.")));
        }
    }

    private static HttpResponse<?> invalide(HttpRequest<?> request, List<Probleme.Anomalie> anomalies) {
        return new Probleme("about:blank", "Requête invalide", 400, "La requête contient des anomalies : voir « anomalies ».",
                request.getPath(), anomalies).response();
    }
}
