package fr.sne.tenants.apiclient;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Header of the OpenAPI document generated from the controllers, served at /api/openapi.yml. */
@OpenAPIDefinition(info = @Info(title = "SNE — API des systèmes des éditeurs", version = "1.0",
        description = "Interface des systèmes des bailleurs et des éditeurs avec le Système national d'enregistrement."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
interface ApiDocumentation {
}
