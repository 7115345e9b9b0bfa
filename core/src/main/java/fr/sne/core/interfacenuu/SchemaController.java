package fr.sne.core.interfacenuu;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;

/** The published XSDs of the exchange formats, public: vendors validate their documents with them. */
@Controller("/api/v1.0/schemas")
@Secured(SecurityRule.IS_ANONYMOUS)
class SchemaController {

    private final SchemaNuu schema;

    SchemaController(SchemaNuu schema) {
        this.schema = schema;
    }

    @Get("/" + SchemaNuu.FICHIER)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Schéma XSD de l'interface interfaceNuu 02.01 (accepte aussi les documents 02.00)",
            description = "Public. Décrit les documents acceptés par POST/PUT /api/v1.0/demandes en XML et ceux que "
                    + "renvoie GET /api/v1.0/demandes/{numeroUnique} avec Accept: application/xml.")
    HttpResponse<byte[]> interfaceNuu() {
        return HttpResponse.ok(schema.octets()).contentType(EcritureNuu.TYPE_XML)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
    }
}
