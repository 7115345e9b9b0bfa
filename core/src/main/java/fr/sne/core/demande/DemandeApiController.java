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
import io.micronaut.http.MutableHttpResponse;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The vendors' API for applications (contract v1.0): creation, reading and full update, in JSON;
 * reading also in the other formats offered as {@link FormatDemande} beans (interfaceNuu XML).
 * Creation and update in XML are {@code fr.sne.core.interfacenuu.DemandeXmlApiController}; the
 * answers both share are in {@link ReponsesDemande}.
 */
@Controller("/api/v1.0/demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DemandeApiController {

    private final DemandeService service;
    private final List<FormatDemande> formats;

    DemandeApiController(DemandeService service, List<FormatDemande> formats) {
        this.service = service;
        this.formats = List.copyOf(formats);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Créer et enregistrer une demande pour le guichet de l'appelant",
            description = "Numéro unique attribué par le serveur ; doublon probable → 409 sauf confirmationNonDoublon ; "
                    + "Idempotency-Key : une requête répétée renvoie le premier résultat. Corps en JSON, ou en XML "
                    + "(document interfaceNuu 02.00 ou 02.01 conforme au schéma /api/v1.0/schemas/interfaceNuu-02.01.xsd, "
                    + "sans numUnique, 1 Mio au plus) ; réponse en XML avec Accept: application/xml.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> creer(HttpRequest<?> request, @Body DemandeJson.Creation creation,
                          @Nullable @Header("Idempotency-Key") String cle) {
        if (!(Actors.of(request) instanceof Actor.ClientApi client)) {
            return ReponsesDemande.reserveAuxClients();
        }
        Optional<MutableHttpResponse<?>> cleInvalide = ReponsesDemande.cleInvalide(request, cle);
        if (cleInvalide.isPresent()) {
            return cleInvalide.get();
        }
        try {
            DemandeService.Resultat r = service.creer(client, creation, cle);
            DemandeJson.Demande d = r.demande();
            return HttpResponse.created(d, URI.create("/api/v1.0/demandes/" + d.numeroUnique()))
                    .header(HttpHeaders.ETAG, ReponsesDemande.etag(d));
        } catch (DemandeInvalide e) {
            return ReponsesDemande.invalide(request, e.anomalies());
        } catch (DoublonsProbables e) {
            return ReponsesDemande.doublons(e, "confirmationNonDoublon");
        }
    }

    @Put("/{numeroUnique}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remplacer le contenu CERFA d'une demande (If-Match obligatoire)",
            description = "Numéro, date de dépôt, état et guichet ne changent pas. Sans If-Match → 428 ; "
                    + "version périmée → 412 avec les modifications intervenues entre-temps. Un changement important du nom "
                    + "de naissance ou des prénoms attend la validation du gestionnaire territorial ou d'un guichet manager : "
                    + "le reste est enregistré, et la réponse le dit dans changementsEnAttente (et l'en-tête "
                    + "SNE-Changements-En-Attente). Corps en JSON, ou en XML "
                    + "(document interfaceNuu : celui lu par GET avec Accept: application/xml peut être modifié et "
                    + "renvoyé tel quel ; son numUnique, s'il est présent, doit être celui de l'adresse).",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> modifier(HttpRequest<?> request, @PathVariable String numeroUnique, @Body DemandeJson.Creation corps,
                             @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ReponsesDemande.ifMatchRequis();
        }
        Optional<Integer> version = ReponsesDemande.version(numeroUnique, ifMatch);
        if (version.isEmpty()) {
            return ReponsesDemande.precondition(numeroUnique, null, List.of());
        }
        try {
            DemandeService.Modification m = service.modification(Actors.of(request), numeroUnique, version.get(), corps);
            return ReponsesDemande.enAttente(HttpResponse.ok(ReponsesDemande.modifiee(m)), m)
                    .header(HttpHeaders.ETAG, ReponsesDemande.etag(m.demande()));
        } catch (DemandeInvalide e) {
            return ReponsesDemande.invalide(request, e.anomalies());
        } catch (VersionPerimee e) {
            return ReponsesDemande.precondition(numeroUnique, e.versionActuelle(), e.ecritures());
        }
    }

    @Get("/{numeroUnique}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
    @Operation(summary = "Lire une demande du territoire de l'appelant",
            description = "JSON par défaut ; document interfaceNuu 02.01 avec Accept: application/xml.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> lire(HttpRequest<?> request, @PathVariable String numeroUnique) {
        boolean enXml = ReponsesDemande.xmlPrefere(request);
        Optional<FormatDemande> xml = enXml
                ? formats.stream().filter(f -> f.typeMedia().startsWith(MediaType.APPLICATION_XML)).findFirst()
                : Optional.empty();
        if (enXml && xml.isEmpty()) {
            return Probleme.of(HttpStatus.NOT_ACCEPTABLE, "Format de réponse non disponible",
                    "Cette demande n'est disponible qu'en JSON.").response();
        }
        DemandeJson.Demande d = service.consulter(Actors.of(request), numeroUnique);
        MutableHttpResponse<?> ok = xml.isPresent()
                ? HttpResponse.ok(xml.get().ecrire(d)).contentType(xml.get().typeMedia())
                : HttpResponse.ok(d).contentType(MediaType.APPLICATION_JSON_TYPE);
        return ok.header(HttpHeaders.ETAG, ReponsesDemande.etag(d));
    }
}
