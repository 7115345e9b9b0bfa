package fr.sne.core.attestation;

import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Refus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The attestation of an application for professionals (same rule as reading the application):
 * the simplified one by default, {@code ?type=complete} for the full one.
 */
@Controller("/pro/demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AttestationPageController {

    private final AttestationService service;

    AttestationPageController(AttestationService service) {
        this.service = service;
    }

    @Get("/{numero}/attestation.pdf")
    @Produces({AttestationApiController.PDF, MediaType.TEXT_HTML})
    HttpResponse<?> attestation(HttpRequest<?> request, @PathVariable String numero, @Nullable @QueryValue String type) {
        TypeAttestation choisi = type == null ? TypeAttestation.SIMPLIFIEE : TypeAttestation.de(type)
                .orElseThrow(() -> new Refus(HttpStatus.BAD_REQUEST, "Type d’attestation inconnu : « complete » ou « simplifiee »."));
        byte[] pdf = service.telecharger(Acces.professionnel(request), numero, choisi);
        return HttpResponse.ok(pdf).contentType(AttestationApiController.PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\""
                        + AttestationApiController.nomFichier(numero, choisi) + "\"");
    }
}
