package fr.sne.core.evenement;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.TypeEvenement;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;

/** The catalogue of event kinds (contract v1.0: {@code GET /api/v1.0/referentiels/evenements}). */
@Controller("/api/v1.0/referentiels/evenements")
@Secured(SecurityRule.IS_AUTHENTICATED)
class CatalogueApiController {

    /** One kind of event as the contract shows it. */
    @Serdeable
    @Schema(name = "TypeEvenement", description = "Type d'événement de l'historique partagé")
    record TypeJson(@Schema(description = "Code stable", example = "TENAD00022") String code,
                    @Schema(description = "Libellé") String libelle,
                    @Schema(description = "Événement réglementaire") boolean reglementaire,
                    @Schema(description = "SYSTEME (enregistré par le registre) ou GUICHET (saisi par un guichet)") String origine,
                    @Schema(description = "Peut être montré au demandeur sur le portail") boolean visibleDemandeur) {
    }

    private final CatalogueEvenements catalogue;

    CatalogueApiController(CatalogueEvenements catalogue) {
        this.catalogue = catalogue;
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Référentiel des types d'événements de la gestion partagée",
            description = "Codes stables (ceux de l'application nationale sont conservés : CREDEM, VALDEM, TENAD00022, DESCAL) ; "
                    + "les événements SYSTEME sont enregistrés par le registre, les événements GUICHET sont saisis par les guichets. "
                    + "Un événement réglementaire n'est montré au demandeur que si son territoire l'ouvre sur le portail.",
            security = @SecurityRequirement(name = "bearer"),
            responses = @ApiResponse(responseCode = "200", description = "Les types d'événements, ceux du système d'abord",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = TypeJson.class)))))
    List<TypeJson> types() {
        return catalogue.types().stream().map(CatalogueApiController::json).toList();
    }

    private static TypeJson json(TypeEvenement t) {
        return new TypeJson(t.code(), t.libelle(), t.reglementaire(), t.origine().name(), t.visibleDemandeur());
    }
}
