package fr.sne.core.priorite;

import fr.sne.core.evenement.SaisieInvalide;
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
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.Instant;
import java.util.Optional;

/** The vendors' API of an application's shared priority data (an extension of contract v1.0). */
@Controller("/api/v1.0/demandes/{numeroUnique}/priorite")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PrioriteApiController {

    /** The 412: the current version and who changed it last. */
    @Serdeable
    record ProblemeVersion(String type, String title, int status, String detail, @Nullable Integer versionActuelle,
                           @Nullable String modifiePar, @Nullable Instant modifieLe) {
    }

    private final PrioriteService service;

    PrioriteApiController(PrioriteService service) {
        this.service = service;
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire les données de priorité partagées d'une demande",
            description = "Statut DALO et ses dates, catégories prioritaires L441-1, labels locaux, contingents. Version 0 : rien "
                    + "n'a encore été enregistré (statut NON, listes vides). Envoie un ETag pour la modification. Lecture tracée.",
            security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Les données de priorité",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PrioriteJson.class))),
                    @ApiResponse(responseCode = "404", description = "Aucune demande de ce numéro dans le territoire de l'appelant",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    HttpResponse<PrioriteJson> lire(HttpRequest<?> request, @PathVariable String numeroUnique) {
        Priorite p = service.lire(Actors.of(request), numeroUnique);
        return HttpResponse.ok(PrioriteJson.de(p)).header(HttpHeaders.ETAG, PrioriteJson.etag(p));
    }

    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remplacer les données de priorité partagées d'une demande (If-Match obligatoire)",
            description = "Toutes les données sont remplacées. Sans If-Match → 428 ; version périmée → 412 avec la version actuelle. "
                    + "Statut DALO NON, ACTIF, CADUC ou ACTREL ; date de décision obligatoire sauf pour NON ; date de fin "
                    + "(caducité ou relogement) obligatoire pour CADUC et ACTREL seulement ; aucune date future ; catégories de la "
                    + "liste categoriePrioritaire ; contingents COLTER, COLACT, PPRIOR, PFONCT, AUTRES ou AUCUN (seul). "
                    + "Écrit avec un mouvement MOD (parties DALO, PRIO, CONT selon ce qui change) et sa trace d'audit. "
                    + "Demande radiée → 409.",
            security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Les données enregistrées (nouvel ETag)",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PrioriteJson.class))),
                    @ApiResponse(responseCode = "400", description = "Anomalies", content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "403", description = "Profil sans droit de modification", content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "404", description = "Aucune demande de ce numéro dans le territoire de l'appelant",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "412", description = "Version périmée", content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "428", description = "If-Match manquant", content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    HttpResponse<?> modifier(HttpRequest<?> request, @PathVariable String numeroUnique, @Body SaisiePriorite saisie,
                             @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Probleme.of(HttpStatus.PRECONDITION_REQUIRED, "En-tête If-Match requis",
                    "Indiquez dans If-Match l'ETag des données de priorité lues (GET), pour ne jamais écraser une modification.").response();
        }
        Optional<Integer> version = version(numeroUnique, ifMatch);
        if (version.isEmpty()) {
            return perimee(numeroUnique, null);
        }
        try {
            Priorite p = service.modifier(Actors.of(request), numeroUnique, version.get(), saisie);
            return HttpResponse.ok(PrioriteJson.de(p)).header(HttpHeaders.ETAG, PrioriteJson.etag(p));
        } catch (SaisieInvalide e) {
            return new Probleme("about:blank", "Données de priorité invalides", 400,
                    "Les données de priorité contiennent des anomalies : voir « anomalies ».", request.getPath(), e.anomalies()).response();
        } catch (PrioritePerimee e) {
            return perimee(numeroUnique, e.actuelle());
        }
    }

    /** The version named by an If-Match value ({@code "<numero>-priorite-<version>"}, weak or strong). */
    static Optional<Integer> version(String numero, String ifMatch) {
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        String debut = "\"" + numero + "-priorite-";
        if (!v.startsWith(debut) || !v.endsWith("\"") || v.length() <= debut.length() + 1) {
            return Optional.empty();
        }
        String n = v.substring(debut.length(), v.length() - 1);
        return n.matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(n)) : Optional.empty();
    }

    private static HttpResponse<?> perimee(String numero, @Nullable Priorite actuelle) {
        return HttpResponse.status(HttpStatus.PRECONDITION_FAILED).contentType(Probleme.MEDIA_TYPE)
                .body(new ProblemeVersion("about:blank", "Version périmée", 412,
                        "Les données de priorité de la demande " + numero + " ont changé depuis votre lecture : relisez-les (GET) "
                                + "puis appliquez vos modifications.",
                        actuelle == null ? null : actuelle.version(), actuelle == null ? null : actuelle.guichet(),
                        actuelle == null ? null : actuelle.modifieLe()));
    }
}
