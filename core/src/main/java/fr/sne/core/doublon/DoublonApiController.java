package fr.sne.core.doublon;

import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's duplicate search, {@code GET /api/v1.0/demandes/doublons}. A route of its own:
 * the literal segment wins over {@code /api/v1.0/demandes/{numeroUnique}}.
 */
@Controller("/api/v1.0/demandes/doublons")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DoublonApiController {

    /** The answer: candidates best first. */
    @Serdeable
    record Reponse(List<Candidat> candidats) {
    }

    private final RechercheDoublons recherche;

    DoublonApiController(RechercheDoublons recherche) {
        this.recherche = recherche;
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Chercher les doublons probables d'une personne dans le territoire de l'appelant",
            description = "Demandes actives du territoire dont le nom de naissance, les prénoms et la date de naissance "
                    + "ressemblent à ceux indiqués (casse, accents, traits d'union, espaces, ordre des prénoms, petites "
                    + "fautes de frappe, jour et mois inversés ou un chiffre différent dans la date) ; les plus proches "
                    + "d'abord, chacune avec un score de 0 à 100 et les écarts constatés.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> chercher(HttpRequest<?> request, @Nullable @QueryValue String nomNaissance,
                             @Nullable @QueryValue String prenoms, @Nullable @QueryValue String dateNaissance,
                             @Nullable @QueryValue String territoire) {
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        if (nomNaissance == null || nomNaissance.isBlank()) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "nomNaissance", "Le nom de naissance est obligatoire."));
        } else if (nomNaissance.length() > 100) {
            anomalies.add(new Probleme.Anomalie("TROP_LONG", "nomNaissance", "Le nom de naissance compte au plus 100 caractères."));
        }
        if (prenoms == null || prenoms.isBlank()) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "prenoms", "Les prénoms sont obligatoires."));
        } else if (prenoms.length() > 100) {
            anomalies.add(new Probleme.Anomalie("TROP_LONG", "prenoms", "Les prénoms comptent au plus 100 caractères."));
        }
        LocalDate date = null;
        if (dateNaissance == null || dateNaissance.isBlank()) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "dateNaissance", "La date de naissance est obligatoire."));
        } else {
            try {
                date = LocalDate.parse(dateNaissance.strip());
            } catch (DateTimeParseException e) {
                anomalies.add(new Probleme.Anomalie("FORMAT", "dateNaissance",
                        "La date de naissance doit être une date AAAA-MM-JJ existante."));
            }
        }
        if (!anomalies.isEmpty()) {
            return new Probleme("about:blank", "Requête invalide", 400, "Les critères de recherche contiennent des anomalies : voir « anomalies ».",
                    request.getPath(), anomalies).response();
        }
        return HttpResponse.ok(new Reponse(recherche.rechercher(Actors.of(request), territoire, nomNaissance, prenoms, date)));
    }
}
