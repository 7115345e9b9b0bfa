package fr.sne.community.agenda;

import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.nio.charset.StandardCharsets;

/**
 * The ICS feeds calendar applications subscribe to. They cannot sign in: the secret in the path
 * stands for the user, whose spaces are decided again at each fetch. An unknown or revoked
 * secret, or a space the user no longer sees: 404.
 */
@Controller("/communaute/calendrier")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class FluxCalendrierController {

    static final MediaType CALENDRIER = MediaType.of("text/calendar; charset=utf-8");

    private final AgendaService service;

    FluxCalendrierController(AgendaService service) {
        this.service = service;
    }

    @Get("/{fichier}")
    HttpResponse<byte[]> utilisateur(HttpRequest<?> request, @PathVariable String fichier) {
        String jeton = sansExtension(fichier);
        return reponse(service.fluxUtilisateur(jeton, base(request)).orElseThrow(FluxCalendrierController::introuvable));
    }

    @Get("/{jeton}/{fichier}")
    HttpResponse<byte[]> espace(HttpRequest<?> request, @PathVariable String jeton, @PathVariable String fichier) {
        return reponse(service.fluxEspace(jeton, sansExtension(fichier), base(request)).orElseThrow(FluxCalendrierController::introuvable));
    }

    private static HttpResponse<byte[]> reponse(String ics) {
        return HttpResponse.ok(ics.getBytes(StandardCharsets.UTF_8)).contentType(CALENDRIER)
                .header("Cache-Control", "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"sne-communaute.ics\"");
    }

    private static String sansExtension(String fichier) {
        if (!fichier.endsWith(".ics")) {
            throw introuvable();
        }
        return fichier.substring(0, fichier.length() - 4);
    }

    private static Refus introuvable() {
        return new Refus(HttpStatus.NOT_FOUND, "Calendrier introuvable");
    }

    /** The site's address as the client reached it (links in the feed and on the subscription page). */
    static String base(HttpRequest<?> request) {
        String hote = request.getHeaders().get("X-Forwarded-Host");
        if (hote == null) {
            hote = request.getHeaders().get("Host");
        }
        String schema = request.getHeaders().get("X-Forwarded-Proto");
        if (schema == null) {
            schema = request.isSecure() ? "https" : "http";
        }
        if (hote == null || !hote.matches("[A-Za-z0-9.:\\[\\]-]{1,255}") || !schema.matches("https?")) {
            return "";
        }
        return schema + "://" + hote;
    }
}
