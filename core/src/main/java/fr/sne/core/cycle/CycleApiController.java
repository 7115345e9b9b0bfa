package fr.sne.core.cycle;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.demande.ReponsesDemande;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.Optional;

/**
 * The vendors' API for an application's life (contract v1.0): renewal and radiation. Both answer
 * with the application as {@code GET /api/v1.0/demandes/{numeroUnique}} gives it, and take an
 * optional {@code If-Match} (412 when the application changed since the caller's read).
 */
@Controller("/api/v1.0/demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CycleApiController {

    private final CycleService cycle;
    private final DemandeService demandes;

    CycleApiController(CycleService cycle, DemandeService demandes) {
        this.cycle = cycle;
        this.demandes = demandes;
    }

    @Post("/{numeroUnique}/renouvellement")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    @Operation(summary = "Renouveler une demande pour un an",
            description = "La demande est valable un an à compter d'aujourd'hui : dateDernierRenouvellement = aujourd'hui, "
                    + "dateProchainRenouvellement = un an plus tard ; le numéro unique et la date de dépôt (ancienneté) ne changent "
                    + "pas. Une demande radiée faute de renouvellement (RADREN) est réactivée de la même façon, avec son numéro et "
                    + "son ancienneté, jusqu'à 18 mois après l'échéance manquée ; au-delà → 409. Une demande radiée pour un autre "
                    + "motif → 409. Un second renouvellement le même jour ne change rien. L'attestation de renouvellement est "
                    + "envoyée au demandeur (courriel, ou courrier postal) et GET …/attestation la délivre. If-Match facultatif : "
                    + "412 si la demande a changé depuis la lecture.",
            security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "La demande renouvelée, comme GET la renvoie",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON)),
                    @ApiResponse(responseCode = "403", description = "Profil ou client sans droit sur les demandes",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "404", description = "Aucune demande de ce numéro dans le territoire de l'appelant",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "409", description = "Demande radiée, non renouvelable (motif, ou délai de "
                            + "réactivation dépassé)", content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "412", description = "If-Match périmé", content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    HttpResponse<?> renouveler(HttpRequest<?> request, @PathVariable String numeroUnique,
                               @Parameter(description = "ETag lu par GET (facultatif)")
                               @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!(Actors.of(request) instanceof Actor.ClientApi client)) {
            return ReponsesDemande.reserveAuxClients();
        }
        Optional<Integer> version = version(numeroUnique, ifMatch);
        if (conditionnel(ifMatch) && version.isEmpty()) {
            return ReponsesDemande.precondition(numeroUnique, null, List.of());
        }
        try {
            cycle.renouveler(client, numeroUnique, version.orElse(null));
        } catch (EtatPerime e) {
            return ReponsesDemande.precondition(numeroUnique, e.versionActuelle(), List.of());
        }
        return demande(client, numeroUnique);
    }

    @Post("/{numeroUnique}/radiation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    @Operation(summary = "Radier une demande",
            description = "Motifs : RADATT (attribution suivie de la signature du bail, par un guichet bailleur uniquement, avec "
                    + "« attribution » : dateSignatureBail, rpls — identifiant RPLS de 10 caractères — ou « logement » (adresse, "
                    + "type, surface, loyer), contingent du réservataire désignataire, reservataire, dateCommission) ; RADABA "
                    + "(renonciation écrite ; dateRenonciation, la date du courrier, aujourd’hui par défaut) ; RADCON (impossibilité de contacter) et "
                    + "RADIRR (irrecevabilité, sousMotif IRRSEJ ou IRRRES) seulement un mois au moins après un avertissement "
                    + "enregistré dans l'historique (événement AVERAD), sinon 409. RADREN (non-renouvellement) est réservé au "
                    + "système → 400. Demande déjà radiée → 409. Réponse : la demande, etat = RADIEE. If-Match facultatif : 412 si "
                    + "la demande a changé depuis la lecture.",
            security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "La demande radiée, comme GET la renvoie",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON)),
                    @ApiResponse(responseCode = "400", description = "Corps invalide (problème avec anomalies)",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "403", description = "Motif non permis à ce guichet (RADATT par un guichet qui n'est "
                            + "pas bailleur)", content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "404", description = "Aucune demande de ce numéro dans le territoire de l'appelant",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "409", description = "Déjà radiée, ou avertissement préalable manquant ou trop récent",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "412", description = "If-Match périmé", content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    HttpResponse<?> radier(HttpRequest<?> request, @PathVariable String numeroUnique, @Body DemandeRadiation corps,
                           @Parameter(description = "ETag lu par GET (facultatif)")
                           @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!(Actors.of(request) instanceof Actor.ClientApi client)) {
            return ReponsesDemande.reserveAuxClients();
        }
        Optional<Integer> version = version(numeroUnique, ifMatch);
        if (conditionnel(ifMatch) && version.isEmpty()) {
            return ReponsesDemande.precondition(numeroUnique, null, List.of());
        }
        try {
            cycle.radier(client, numeroUnique, corps, version.orElse(null));
        } catch (RadiationInvalide e) {
            return new Probleme("about:blank", "Radiation invalide", 400,
                    "La demande de radiation contient des anomalies : voir « anomalies ».", request.getPath(), e.anomalies()).response();
        } catch (EtatPerime e) {
            return ReponsesDemande.precondition(numeroUnique, e.versionActuelle(), List.of());
        }
        return demande(client, numeroUnique);
    }

    /** An If-Match naming a version ("*" matches any existing application: no condition). */
    private static boolean conditionnel(String ifMatch) {
        return ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*");
    }

    private static Optional<Integer> version(String numero, String ifMatch) {
        return conditionnel(ifMatch) ? ReponsesDemande.version(numero, ifMatch) : Optional.empty();
    }

    /** The application as GET gives it in JSON, with its ETag (the read is audited). */
    private HttpResponse<?> demande(Actor.ClientApi client, String numero) {
        DemandeJson.Demande d = demandes.consulter(client, numero);
        return HttpResponse.ok(d).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, ReponsesDemande.etag(d));
    }
}
