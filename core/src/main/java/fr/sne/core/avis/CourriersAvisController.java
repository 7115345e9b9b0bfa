package fr.sne.core.avis;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.ProtectionCsrf;
import fr.sne.tenants.web.Refus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The renewal letters to print: the waiting letters and batches, "Imprimer le lot", the printed batches. */
@Controller("/pro/courriers/renouvellement")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
class CourriersAvisController {

    private static final String PDF = "application/pdf";

    private final CourriersAvisService service;

    CourriersAvisController(CourriersAvisService service) {
        this.service = service;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue String lot,
                                            @Nullable @QueryValue Integer nombre, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        CourriersAvisService.FileAttente file = service.file(actor);
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        model.put("file", file);
        model.put("tailleLot", CourriersAvisService.TAILLE_LOT);
        model.put("perimetre", file.portee().guichet() == null
                ? "les courriers de tout le territoire (" + file.portee().territoire() + ")"
                : "les courriers de votre guichet (" + file.portee().guichet() + ")");
        if (lot != null && uuid(lot) != null && nombre != null && nombre > 0) {
            model.put("lotImprime", lot);
            model.put("nombreImprime", nombre);
        }
        model.put("message", "vide".equals(message) ? "Aucun courrier n’était en attente dans ce lot : aucun lot n’a été créé." : null);
        return new ModelAndView<>("pro/courriers-renouvellement", model);
    }

    @Post("/impression")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> imprimer(HttpRequest<?> request, @Body Map<String, String> form) {
        CourriersAvisService.Impression impression = service.imprimer(Acces.professionnel(request), form.get("pile"));
        if (impression.nombre() == 0) {
            return HttpResponse.seeOther(URI.create("/pro/courriers/renouvellement?message=vide"));
        }
        return HttpResponse.seeOther(URI.create("/pro/courriers/renouvellement?lot=" + impression.lot()
                + "&nombre=" + impression.nombre()));
    }

    @Get("/lots/{lot}")
    @Produces({PDF, MediaType.TEXT_HTML})
    HttpResponse<?> lot(HttpRequest<?> request, @PathVariable String lot) {
        UUID id = uuid(lot);
        if (id == null) {
            throw new Refus(HttpStatus.NOT_FOUND, "Lot de courriers introuvable.");
        }
        byte[] pdf = service.pdf(Acces.professionnel(request), id);
        return HttpResponse.ok(pdf).contentType(PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"courriers-renouvellement-" + id + ".pdf\"");
    }

    private static UUID uuid(String texte) {
        try {
            return UUID.fromString(texte);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
