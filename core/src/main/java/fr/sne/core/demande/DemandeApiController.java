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
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The vendors' API for applications (contract v1.0): creation, reading and full update, in JSON. */
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
            return invalide(request, e);
        } catch (DoublonsProbables e) {
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(Probleme.MEDIA_TYPE)
                    .body(new ProblemeDoublons("about:blank", "Doublon probable", 409,
                            "Une demande active du territoire a les mêmes nom de naissance, prénoms et date de naissance. "
                                    + "Pour enregistrer quand même, renseignez « confirmationNonDoublon » avec le motif.",
                            e.numeros()));
        }
    }

    @Put("/{numeroUnique}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remplacer le contenu CERFA d'une demande (If-Match obligatoire)",
            description = "Numéro, date de dépôt, état et guichet ne changent pas. Sans If-Match → 428 ; "
                    + "version périmée → 412 avec les modifications intervenues entre-temps.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> modifier(HttpRequest<?> request, @PathVariable String numeroUnique, @Body DemandeJson.Creation corps,
                             @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Probleme.of(HttpStatus.PRECONDITION_REQUIRED, "En-tête If-Match requis",
                    "Indiquez dans If-Match l'ETag de la version lue (GET), pour ne jamais écraser une modification.").response();
        }
        Optional<Integer> version = version(numeroUnique, ifMatch);
        if (version.isEmpty()) {
            return precondition(numeroUnique, null, List.of());
        }
        try {
            DemandeJson.Demande d = service.modifier(Actors.of(request), numeroUnique, version.get(), corps);
            return HttpResponse.ok(d).header(HttpHeaders.ETAG, etag(d));
        } catch (DemandeInvalide e) {
            return invalide(request, e);
        } catch (VersionPerimee e) {
            return precondition(numeroUnique, e.versionActuelle(), e.ecritures());
        }
    }

    /** The contract's 412: the current version and who changed what since the caller's. */
    @Serdeable
    record ProblemeVersion(String type, String title, int status, String detail, @Nullable Integer versionActuelle,
                           List<VersionPerimee.Ecriture> modifications) {
    }

    private static HttpResponse<?> precondition(String numero, Integer actuelle, List<VersionPerimee.Ecriture> ecritures) {
        return HttpResponse.status(HttpStatus.PRECONDITION_FAILED).contentType(Probleme.MEDIA_TYPE)
                .body(new ProblemeVersion("about:blank", "Version périmée", 412,
                        "La demande " + numero + " a été modifiée depuis votre lecture : relisez-la (GET) puis appliquez "
                                + "vos modifications à la version actuelle.", actuelle, ecritures));
    }

    /** The version named by an If-Match value ({@code "<numero>-<version>"}, weak or strong), if it is one of ours. */
    static Optional<Integer> version(String numero, String ifMatch) {
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() < 2 || !v.startsWith("\"") || !v.endsWith("\"") || !v.startsWith("\"" + numero + "-")) {
            return Optional.empty();
        }
        String n = v.substring(numero.length() + 2, v.length() - 1);
        return n.matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(n)) : Optional.empty();
    }

    private static HttpResponse<?> invalide(HttpRequest<?> request, DemandeInvalide e) {
        return new Probleme("about:blank", "Demande invalide", 400, "La demande contient des anomalies : voir « anomalies ».",
                request.getPath(), e.anomalies()).response();
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
