package fr.sne.core.piece;

import fr.sne.documents.catalogue.CategoriePiece;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;
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
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendors' API of an application's supporting documents (contract v1.0 "Documents"): deposit
 * (multipart), list, describe, download, requalify (If-Match), delete.
 */
@Controller("/api/v1.0/demandes/{numeroUnique}/pieces")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PieceApiController {

    private static final String EXEMPLE_PIECE = """
            {"id": 42, "numeroUnique": "038112600001238001", "nomFichier": "avis-imposition-2025.pdf",
             "typeMime": "application/pdf", "taille": 183204, "pages": 2, "nirDetecte": false, "indicePertinence": "NON_VERIFIE",
             "categorie": "REVENU_FISCAL", "type": "AVIS_IMPOSITION", "typeSuggere": "AVIS_IMPOSITION", "finValidite": null,
             "sensible": false, "deposant": "EDITEUR", "deposeLe": "2026-11-22T10:15:30Z", "commentaire": null,
             "sousDocuments": [{"de": 1, "a": 2, "libelle": "Avis d'imposition 2025 sur les revenus 2024"}],
             "analyse": "TERMINEE", "anneeRevenus": 2024, "revenuFiscalReference": 18450,
             "sha256": "9f2c…", "version": 2, "ouvrable": true, "versionOuverte": "ORIGINAL", "motifNonOuvrable": null,
             "fichier": "/api/v1.0/demandes/038112600001238001/pieces/42/fichier"}""";
    private static final String EXEMPLE_MAJ = """
            {"type": "AVIS_IMPOSITION", "indicePertinence": "REGLEMENTAIRE", "finValidite": "2026-12-31",
             "commentaire": "Vérifié avec le service des impôts",
             "sousDocuments": [{"de": 1, "a": 2, "libelle": "Avis d'imposition 2025"}]}""";
    private static final String EXEMPLE_415 = """
            {"type": "about:blank", "title": "Format non pris en charge", "status": 415,
             "detail": "Ce fichier n'est ni un PDF, ni une image JPEG, PNG, HEIC ou TIFF.",
             "instance": "/api/v1.0/demandes/038112600001238001/pieces", "anomalies": []}""";

    // a requalification: absent (or null) fields stay as they are; an empty string clears a text or code
    @Serdeable
    @Schema(name = "RequalificationPiece", description = "Requalification : un champ absent ne change pas, une chaîne vide l'efface")
    record MiseAJour(@Nullable String type, @Nullable String categorie, @Nullable String finValidite,
                     @Nullable String indicePertinence, @Nullable String commentaire, @Nullable List<SousDocument> sousDocuments) {
    }

    // the 412 of a stale requalification: the current description
    @Serdeable
    @Schema(name = "ProblemeVersionPiece", description = "Version périmée : la description actuelle de la pièce")
    record ProblemeVersion(String type, String title, int status, String detail, PieceJson actuelle) {
    }

    private final PieceService service;

    PieceApiController(PieceService service) {
        this.service = service;
    }

    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Déposer une pièce justificative sur une demande",
            description = "Corps multipart/form-data : « fichier » (obligatoire), « type » et « categorie » (codes du catalogue, "
                    + "facultatifs : l'analyse propose un type quand il manque ; la catégorie découle du type), « finValidite » "
                    + "(AAAA-MM-JJ, facultatif), dans n'importe quel ordre. Formats acceptés, reconnus d'après le contenu et non "
                    + "d'après le nom : PDF, JPEG, PNG, HEIC, TIFF (autre → 415). Taille maximale : 20 Mo par défaut (au-delà → 413). "
                    + "PDF protégé par mot de passe, fichier illisible ou infecté → 422. Les mêmes octets déjà déposés sur la demande "
                    + "→ 200 avec la pièce existante (rien n'est stocké deux fois). Dépôt enregistré avec son mouvement PJ (GDM), "
                    + "l'événement PJAJOU et sa trace d'audit ; l'analyse (type, NIR, dates) suit en tâche de fond. "
                    + "Stockage indisponible → 503, rien n'est enregistré.",
            security = @SecurityRequirement(name = "bearer"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = Formulaire.class),
                    encoding = @Encoding(name = "fichier", contentType = "application/pdf, image/jpeg, image/png, image/heic, image/tiff"))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "Pièce déposée (en-têtes Location et ETag)",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PieceJson.class),
                                    examples = @ExampleObject(name = "deposee", value = EXEMPLE_PIECE))),
                    @ApiResponse(responseCode = "200", description = "Les mêmes octets étaient déjà déposés : la pièce existante",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PieceJson.class))),
                    @ApiResponse(responseCode = "400", description = "Fichier absent, code de type ou de catégorie inconnu, catégorie "
                            + "incohérente avec le type, date invalide", content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "404", description = "Demande inconnue ou d'un autre territoire",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "409", description = "Demande radiée", content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "413", description = "Fichier trop volumineux", content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "415", description = "Format non accepté",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE, examples = @ExampleObject(name = "format", value = EXEMPLE_415))),
                    @ApiResponse(responseCode = "422", description = "PDF protégé par mot de passe, fichier illisible ou infecté",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "503", description = "Stockage des pièces indisponible : rien n'a été enregistré",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    HttpResponse<?> deposer(HttpRequest<?> request, @PathVariable String numeroUnique, @Body MultipartBody corps) {
        if (!(Actors.of(request) instanceof Actor.ClientApi client)) {
            return Probleme.of(HttpStatus.FORBIDDEN, "Accès refusé", "Cette ressource est réservée aux clients d'API.").response();
        }
        // parts in any order: a file part above the multipart threshold waits on disk, never in memory
        List<CompletedPart> parties = Flux.from(corps).collectList().block();
        CompletedFileUpload fichier = null;
        String type = null;
        String categorie = null;
        String finValidite = null;
        for (CompletedPart p : parties == null ? List.<CompletedPart>of() : parties) {
            switch (p.getName()) {
                case "fichier" -> {
                    if (p instanceof CompletedFileUpload f) {
                        fichier = f;
                    }
                }
                case "type" -> type = texte(p);
                case "categorie" -> categorie = texte(p);
                case "finValidite" -> finValidite = texte(p);
                default -> { }
            }
        }
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        if (fichier == null) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "fichier", "Joignez le fichier dans la partie « fichier »."));
        }
        TypePiece t = code(TypePiece.class, type, "type", anomalies);
        CategoriePiece c = code(CategoriePiece.class, categorie, "categorie", anomalies);
        LocalDate fin = date(finValidite, anomalies);
        if (!anomalies.isEmpty()) {
            return invalide(request, anomalies);
        }
        try {
            PieceService.Depose d = service.deposer(client, numeroUnique, new Depot(fichier.getInputStream(), fichier.getFilename(),
                    t, c, fin));
            PieceJson json = PieceJson.de(d.piece());
            MutableHttpResponse<PieceJson> r = d.existante() ? HttpResponse.ok(json)
                    : HttpResponse.created(json, URI.create("/api/v1.0/demandes/" + numeroUnique + "/pieces/" + json.id()));
            return r.header(HttpHeaders.ETAG, PieceJson.etag(d.piece().piece()));
        } catch (PieceInvalide e) {
            return invalide(request, e.anomalies());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lister les pièces justificatives d'une demande",
            description = "Les pièces non supprimées que le profil de l'appelant peut voir, des plus anciennes aux plus récentes "
                    + "(les types sensibles — violences, grossesse, santé, handicap — ne sont pas communiqués aux logiciels). "
                    + "Pour chacune : « ouvrable » et la version que donnerait « fichier » (versionOuverte : ORIGINAL, MASQUEE "
                    + "quand un NIR a été détecté, APERCU pour une image), ou le motif (motifNonOuvrable), par exemple une analyse "
                    + "en cours. Lecture auditée.",
            security = @SecurityRequirement(name = "bearer"),
            responses = @ApiResponse(responseCode = "200", description = "Les pièces",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = PieceJson.class)))))
    List<PieceJson> lister(HttpRequest<?> request, @PathVariable String numeroUnique) {
        return service.lister(Actors.of(request), numeroUnique).stream().map(PieceJson::de).toList();
    }

    @Get("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Décrire une pièce justificative (en-tête ETag pour la requalifier)",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<PieceJson> lire(HttpRequest<?> request, @PathVariable String numeroUnique, @PathVariable long id) {
        PieceListee l = service.consulter(Actors.of(request), numeroUnique, id);
        return HttpResponse.ok(PieceJson.de(l)).header(HttpHeaders.ETAG, PieceJson.etag(l.piece()));
    }

    @Get("/{id}/fichier")
    @Produces(MediaType.ALL)
    @Operation(summary = "Télécharger une pièce justificative",
            description = "Le fichier, en flux. Quand un NIR a été détecté, la version masquée (PDF dont les pages sont "
                    + "redessinées, le numéro noirci) ; pour une image, son aperçu sans métadonnées EXIF ni localisation. "
                    + "Paramètre « version » (original, masquee, apercu) pour en demander une précise. L'en-tête "
                    + "SNE-Version-Piece dit la version servie. Analyse pas encore terminée → 409 (réessayez plus tard) ; "
                    + "pièce supprimée → 410. Téléchargement audité et inscrit à l'historique de la pièce.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> fichier(HttpRequest<?> request, @PathVariable String numeroUnique, @PathVariable long id,
                            @Nullable @QueryValue String version) {
        FichierPiece f = service.ouvrir(Actors.of(request), numeroUnique, id, ReponsesPieces.version(version).orElse(null), true);
        return ReponsesPieces.fichier(f, true);
    }

    @Get("/{id}/historique")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Historique d'une pièce : dépôt, analyse, consultations, téléchargements, requalifications, suppression",
            security = @SecurityRequirement(name = "bearer"))
    List<ActionHistorique> historique(HttpRequest<?> request, @PathVariable String numeroUnique, @PathVariable long id) {
        return service.historique(Actors.of(request), numeroUnique, id);
    }

    @Patch("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Requalifier une pièce (If-Match obligatoire)",
            description = "Type, catégorie, date de fin de validité, indice de pertinence (REGLEMENTAIRE, NON_VERIFIE, "
                    + "SUSPICION_FRAUDE, HORS_PERIMETRE), commentaire, sous-documents par pages. Un champ absent ne change pas ; "
                    + "une chaîne vide efface un code ou le commentaire ; « sousDocuments » remplace la liste. Sans If-Match → 428 ; "
                    + "version périmée (modifiée entre-temps, ou par l'analyse) → 412 avec la description actuelle.",
            security = @SecurityRequirement(name = "bearer"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "requalification", value = EXEMPLE_MAJ))))
    HttpResponse<?> requalifier(HttpRequest<?> request, @PathVariable String numeroUnique, @PathVariable long id,
                                @Body MiseAJour maj, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Probleme.of(HttpStatus.PRECONDITION_REQUIRED, "En-tête If-Match requis",
                    "Indiquez dans If-Match l'ETag de la pièce lue (GET), pour ne jamais écraser une requalification.").response();
        }
        Actor actor = Actors.of(request);
        PieceListee actuelle = service.decrire(actor, numeroUnique, id);
        Integer version = version(id, ifMatch);
        if (version == null) {
            return perimee(actuelle.piece(), actuelle);
        }
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        Qualification q = fusion(Qualification.de(actuelle.piece()), maj, anomalies);
        if (!anomalies.isEmpty()) {
            return invalide(request, anomalies);
        }
        try {
            PieceJustificative p = service.requalifier(actor, numeroUnique, id, version, q);
            PieceListee l = service.decrire(actor, numeroUnique, p.id());
            return HttpResponse.ok(PieceJson.de(l)).header(HttpHeaders.ETAG, PieceJson.etag(p));
        } catch (PieceInvalide e) {
            return invalide(request, e.anomalies());
        } catch (PieceModifiee e) {
            return perimee(e.actuelle(), service.decrire(actor, numeroUnique, id));
        }
    }

    @Delete("/{id}")
    @Operation(summary = "Supprimer une pièce justificative",
            description = "La pièce disparaît des listes ; son historique reste, avec l'événement PJSUPP et le mouvement PJ.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> supprimer(HttpRequest<?> request, @PathVariable String numeroUnique, @PathVariable long id) {
        service.supprimer(Actors.of(request), numeroUnique, id);
        return HttpResponse.noContent();
    }

    // ---- helpers

    // the shape of the multipart body, for the OpenAPI document only
    @Schema(name = "DepotPiece", description = "Formulaire multipart du dépôt d'une pièce")
    record Formulaire(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String fichier,
                      @Nullable @Schema(example = "AVIS_IMPOSITION") String type,
                      @Nullable @Schema(example = "REVENU_FISCAL") String categorie,
                      @Nullable @Schema(example = "2026-12-31") String finValidite) {
    }

    private static String texte(CompletedPart p) {
        try {
            String v = new String(p.getBytes(), StandardCharsets.UTF_8).strip();
            return v.isEmpty() ? null : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <E extends Enum<E>> E code(Class<E> type, String code, String champ, List<Probleme.Anomalie> anomalies) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.strip());
        } catch (IllegalArgumentException e) {
            anomalies.add(new Probleme.Anomalie("CODE_INCONNU", champ, "Code inconnu pour « " + champ + " » : " + code + "."));
            return null;
        }
    }

    private static LocalDate date(String texte, List<Probleme.Anomalie> anomalies) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(texte.strip());
        } catch (DateTimeParseException e) {
            anomalies.add(new Probleme.Anomalie("DATE_INVALIDE", "finValidite", "Date attendue au format AAAA-MM-JJ."));
            return null;
        }
    }

    private static Qualification fusion(Qualification q, MiseAJour m, List<Probleme.Anomalie> anomalies) {
        TypePiece type = m.type() == null ? q.type() : code(TypePiece.class, m.type(), "type", anomalies);
        CategoriePiece categorie = m.categorie() == null ? (m.type() != null && type != null ? type.categorie() : q.categorie())
                : code(CategoriePiece.class, m.categorie(), "categorie", anomalies);
        LocalDate fin = m.finValidite() == null ? q.finValidite() : date(m.finValidite(), anomalies);
        IndicePertinence indice = m.indicePertinence() == null ? q.indicePertinence()
                : code(IndicePertinence.class, m.indicePertinence(), "indicePertinence", anomalies);
        if (m.indicePertinence() != null && m.indicePertinence().isBlank()) {
            indice = q.indicePertinence();
        }
        String commentaire = m.commentaire() == null ? q.commentaire() : m.commentaire();
        List<SousDocument> sous = m.sousDocuments() == null ? q.sousDocuments() : m.sousDocuments();
        return new Qualification(type, categorie, fin, indice, commentaire, sous);
    }

    private static Integer version(long id, String ifMatch) {
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        String prefixe = "\"piece-" + id + "-";
        if (!v.startsWith(prefixe) || !v.endsWith("\"")) {
            return null;
        }
        String n = v.substring(prefixe.length(), v.length() - 1);
        return n.matches("[0-9]{1,9}") ? Integer.parseInt(n) : null;
    }

    private static MutableHttpResponse<?> perimee(PieceJustificative actuelle, PieceListee vue) {
        return HttpResponse.status(HttpStatus.PRECONDITION_FAILED).contentType(Probleme.MEDIA_TYPE)
                .header(HttpHeaders.ETAG, PieceJson.etag(actuelle))
                .body(new ProblemeVersion("about:blank", "Version périmée", 412, "La pièce " + actuelle.id()
                        + " a été modifiée depuis votre lecture (par un guichet ou par l'analyse) : relisez-la puis appliquez "
                        + "votre requalification à la version actuelle.", PieceJson.de(vue)));
    }

    private static MutableHttpResponse<?> invalide(HttpRequest<?> request, List<Probleme.Anomalie> anomalies) {
        return new Probleme("about:blank", "Pièce justificative invalide", 400,
                "La pièce ou sa description contient des anomalies : voir « anomalies ».", request.getPath(), anomalies).response();
    }
}
