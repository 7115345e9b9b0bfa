package fr.sne.core.antifraude;

import fr.sne.core.demande.DemandeJson;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.ProtectionCsrf;
import io.micronaut.core.annotation.Nullable;
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

/** One change of names: its page, and its validation or refusal (from the application's panel or this page). */
@Controller("/pro/demandes/{numero}/changements-nom")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ChangementNomController {

    private final ChangementNomService service;

    ChangementNomController(ChangementNomService service) {
        this.service = service;
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> changement(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id,
                                                 @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Map<String, Object> model = modele(actor, numero, id);
        model.put("message", message == null ? null : switch (message) {
            case "valide" -> "Le changement de nom est validé : les nom et prénoms de la demande sont mis à jour.";
            case "refuse" -> "Le changement de nom est refusé : la demande garde ses nom et prénoms.";
            default -> null;
        });
        return new ModelAndView<>("pro/antifraude/changement", model);
    }

    @Post("/{id}/valider")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> valider(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id,
                            @Body Map<String, Object> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        try {
            DemandeJson.Demande d = service.valider(actor, numero, id);
            return HttpResponse.seeOther(URI.create("/pro/demandes/" + d.numeroUnique() + "/changements-nom/" + id + "?message=valide"));
        } catch (ChangementNomConflit e) {
            return conflit(actor, numero, id, e);
        }
    }

    @Post("/{id}/refuser")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> refuser(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id,
                            @Body Map<String, Object> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Object saisi = form.get("motif");
        String motif = saisi == null ? "" : String.valueOf(saisi).strip();
        if (motif.isEmpty() || motif.length() > ChangementNomService.MOTIF_MAXIMUM) {
            Map<String, Object> model = modele(actor, numero, id);
            model.put("motif", motif);
            model.put("erreurs", Map.of("motif", motif.isEmpty() ? "Indiquez le motif du refus."
                    : "Le motif compte " + ChangementNomService.MOTIF_MAXIMUM + " caractères au plus."));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("pro/antifraude/changement", model));
        }
        try {
            service.refuser(actor, numero, id, motif);
            return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "/changements-nom/" + id + "?message=refuse"));
        } catch (ChangementNomConflit e) {
            return conflit(actor, numero, id, e);
        }
    }

    private HttpResponse<?> conflit(Actor actor, String numero, long id, ChangementNomConflit e) {
        Map<String, Object> model = modele(actor, numero, id);
        model.put("conflit", e.getMessage());
        return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("pro/antifraude/changement", model));
    }

    private Map<String, Object> modele(Actor actor, String numero, long id) {
        ChangementNomService.Consultation c = service.consulter(actor, numero, id);
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        model.put("c", LigneChangement.de(c.changement(), c.peutDecider()));
        model.put("numero", numero);
        model.put("erreurs", Map.of());
        return model;
    }
}
