package fr.sne.core.attestation;

import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
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

/** The vendors' API for attestations (contract v1.0). */
@Controller("/api/v1.0/demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AttestationApiController {

    static final String PDF = "application/pdf";

    private final AttestationService service;

    AttestationApiController(AttestationService service) {
        this.service = service;
    }

    @Get("/{numeroUnique}/attestation")
    @Produces({PDF, Probleme.MEDIA_TYPE})
    @Operation(summary = "Télécharger l'attestation d'enregistrement d'une demande (PDF/A-1b)",
            description = "Par défaut l'attestation complète, celle qui a le contenu légal : identité et adresse, service "
                    + "enregistreur, numéro unique, dates de dépôt et de dernier renouvellement, bailleurs sociaux disposant de "
                    + "logements dans les communes demandées, délai et modalités de saisine de la commission de médiation DALO, "
                    + "règles de validité, de renouvellement et de radiation, et en annexe le récapitulatif de la demande et "
                    + "la liste des pièces. `type=simplifiee` donne l'attestation simplifiée d'une page, celle qui est envoyée "
                    + "au demandeur. Demande d'un autre territoire ou inconnue → 404 ; type inconnu → 400.",
            security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "L'attestation, document PDF/A-1b",
                            content = @Content(mediaType = PDF)),
                    @ApiResponse(responseCode = "400", description = "Type d'attestation inconnu (problème avec anomalies)",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE)),
                    @ApiResponse(responseCode = "404", description = "Aucune demande de ce numéro dans le territoire de l'appelant",
                            content = @Content(mediaType = Probleme.MEDIA_TYPE))})
    HttpResponse<?> attestation(HttpRequest<?> request, @PathVariable String numeroUnique,
                                @Parameter(description = "complete (par défaut) ou simplifiee")
                                @Nullable @QueryValue String type) {
        Optional<TypeAttestation> choisi = type == null ? Optional.of(TypeAttestation.COMPLETE) : TypeAttestation.de(type);
        if (choisi.isEmpty()) {
            return new Probleme("about:blank", "Requête invalide", 400, "Le type d'attestation est « complete » ou « simplifiee ».",
                    request.getPath(), List.of(new Probleme.Anomalie("VALEUR_INCONNUE", "type",
                    "Valeurs possibles : complete, simplifiee."))).response();
        }
        byte[] pdf = service.telecharger(Actors.of(request), numeroUnique, choisi.get());
        return HttpResponse.ok(pdf).contentType(PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + nomFichier(numeroUnique, choisi.get()) + "\"");
    }

    static String nomFichier(String numero, TypeAttestation type) {
        return "attestation-" + (type == TypeAttestation.SIMPLIFIEE ? "simplifiee-" : "") + numero.replaceAll("[^0-9A-Z]", "") + ".pdf";
    }
}
