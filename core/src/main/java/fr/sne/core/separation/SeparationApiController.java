package fr.sne.core.separation;

import fr.sne.core.demande.DemandeInvalide;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.demande.DoublonsProbables;
import fr.sne.core.demande.ReponsesDemande;
import fr.sne.core.demande.VersionPerimee;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Separation of a couple through the vendors' API (an extension of contract v1.0). */
@Controller("/api/v1.0/demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SeparationApiController {

    private final DemandeService demandes;

    SeparationApiController(DemandeService demandes) {
        this.demandes = demandes;
    }

    @Post("/{numeroUnique}/separation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dupliquer une demande pour l'ancien cotitulaire après une séparation",
            description = "Crée, pour le cotitulaire de rang rangCotitulaire (à partir de 1), une demande avec la même date "
                    + "de dépôt (ancienneté) et un nouveau numéro du guichet de l'appelant (mouvement CRS), liée à la demande "
                    + "d'origine ; adresse et situation familiale obligatoires ; personnesACharge : rangs des personnes à "
                    + "charge qui suivent. If-Match facultatif (412 si la demande d'origine a changé). La demande d'origine "
                    + "doit ensuite être mise à jour (situation familiale, cotitulaire retiré) par PUT.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> separer(HttpRequest<?> request, @PathVariable String numeroUnique, @Body Separation separation,
                            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!(Actors.of(request) instanceof Actor.ClientApi client)) {
            return ReponsesDemande.reserveAuxClients();
        }
        Optional<Integer> version = ifMatch == null || ifMatch.isBlank()
                ? Optional.of(demandes.consulter(client, numeroUnique).version())
                : ReponsesDemande.version(numeroUnique, ifMatch);
        if (version.isEmpty()) {
            return ReponsesDemande.precondition(numeroUnique, null, List.of());
        }
        try {
            DemandeJson.Demande d = demandes.separer(client, numeroUnique, version.get(), separation::creation).demande();
            return HttpResponse.created(d, URI.create("/api/v1.0/demandes/" + d.numeroUnique()))
                    .header(HttpHeaders.ETAG, ReponsesDemande.etag(d));
        } catch (DemandeInvalide e) {
            return ReponsesDemande.invalide(request, e.anomalies());
        } catch (DoublonsProbables e) {
            return ReponsesDemande.doublons(e, "confirmationNonDoublon");
        } catch (VersionPerimee e) {
            return ReponsesDemande.precondition(numeroUnique, e.versionActuelle(), e.ecritures());
        }
    }
}
