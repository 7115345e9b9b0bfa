package fr.sne.core.referentiel;

import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;

/** Reference checks of the vendors' API (contract: countries). */
@Controller("/api/v1.0/referentiels")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReferentielController {

    private final Pays pays;

    ReferentielController(Pays pays) {
        this.pays = pays;
    }

    @Get("/pays/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Vérification d'un pays étranger",
            description = "Selon le Code officiel géographique de l'INSEE : casse et accents ignorés ; la France et ses "
                    + "départements et collectivités d'outre-mer ne sont pas des pays étrangers ; une saisie proche "
                    + "(similarité ≥ 95 %) reçoit une suggestion ; une adresse est refusée.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> verifier(@Nullable @QueryValue String libelle) {
        if (libelle == null || libelle.isBlank() || libelle.length() > 200) {
            return new Probleme("about:blank", "Requête invalide", 400,
                    "Le paramètre « libelle » est obligatoire (200 caractères au plus).", null,
                    List.of(new Probleme.Anomalie("PARAMETRE_INVALIDE", "libelle",
                            "Indiquez le nom du pays à vérifier (200 caractères au plus)."))).response();
        }
        return HttpResponse.ok(pays.verifier(libelle));
    }
}
