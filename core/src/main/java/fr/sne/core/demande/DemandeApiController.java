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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
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

    private static final String EXEMPLE_CREATION = """
            {"demandeur": {"civilite": "1", "nomNaissance": "Dupont", "nomUsage": null, "prenoms": "Jean",
              "dateNaissance": "1970-01-01", "nationalite": "1", "mel": "jean.dupont@example.org", "telPortable": "0606060606",
              "adresse": {"numero": "10", "voie": "rue des Alpes", "codePostal": "38000", "communeInsee": "38185"}},
             "logementRecherche": {"typesLogement": ["T2", "T3"], "communesSouhaitees": ["38185", "38382"]}}""";
    private static final String EXEMPLE_XML = """
            <ns1:interfaceNuu versionInterface="02.01" xmlns:ns1="http://nuu.application.i2/">
              <ns1:entete><ns1:typeFichier code="CRE"/></ns1:entete>
              <ns1:demande><ns1:demandeLogement><ns1:personnePhysique><ns1:demandeur>…</ns1:demandeur></ns1:personnePhysique>
              </ns1:demandeLogement></ns1:demande>
            </ns1:interfaceNuu>""";
    private static final String EXEMPLE_ENREGISTREE = """
            {"numeroUnique": "038112600001238001", "territoire": "038", "etat": "ACTIVE", "dateDepot": "2026-11-22",
             "dateDernierRenouvellement": null, "dateProchainRenouvellement": "2027-11-22", "guichetEnregistreur": "38001",
             "version": 1, "demandeur": {"nomNaissance": "Dupont", "prenoms": "Jean"}, "logementRecherche": {"typesLogement": ["T2", "T3"]}}""";
    private static final String EXEMPLE_PROBLEME = """
            {"type": "about:blank", "title": "Requête invalide", "status": 400,
             "detail": "La demande contient des anomalies : voir « anomalies ».", "instance": "/api/v1.0/demandes",
             "anomalies": [{"code": "OBLIGATOIRE", "champ": "demandeur.dateNaissance", "message": "La date de naissance est obligatoire."}]}""";

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
                    + "sans numUnique, 1 Mio au plus) ; réponse en XML avec Accept: application/xml. En XML, le type de fichier "
                    + "(entete/typeFichier) REN renouvelle, RAD radie (élément radiation ; sans motif : dé-radiation, refusée "
                    + "aux clients, 403) et CRS crée la demande issue d'une séparation, la demande visée étant nommée par "
                    + "numUnique. Idempotency-Key conservée 24 heures.",
            security = @SecurityRequirement(name = "bearer"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "minimale",
                            summary = "Demande minimale", value = EXEMPLE_CREATION)),
                    @Content(mediaType = MediaType.APPLICATION_XML, examples = @ExampleObject(name = "interfaceNuu",
                            summary = "Document interfaceNuu 02.01 (extrait)", value = EXEMPLE_XML))}),
            responses = {
                    @ApiResponse(responseCode = "201", description = "Demande enregistrée (en-têtes Location et ETag)",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "enregistree",
                                    value = EXEMPLE_ENREGISTREE))),
                    @ApiResponse(responseCode = "400", description = "Corps mal formé ou anomalies",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE, examples = @ExampleObject(name = "anomalies",
                                    value = EXEMPLE_PROBLEME))),
                    @ApiResponse(responseCode = "409", description = "Doublon probable (doublons), sauf confirmationNonDoublon",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "413", description = "Corps trop volumineux", content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "415", description = "Content-Type non pris en charge",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "429", description = "Limite de débit du client dépassée (Retry-After)",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE))})
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
