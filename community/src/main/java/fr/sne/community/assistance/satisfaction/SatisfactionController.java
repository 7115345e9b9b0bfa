package fr.sne.community.assistance.satisfaction;

import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Formulaire;
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

import java.util.HashMap;
import java.util.Map;

/**
 * The satisfaction pages: the mail's signed link (no sign-in: the signed token is the
 * capability, and stands in for the CSRF token a visitor without session has not got), the
 * requester's page of their ticket (signed in, CSRF-protected), the national administrators' report.
 */
@Controller("/assistance")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class SatisfactionController {

    private final Satisfactions satisfactions;

    SatisfactionController(Satisfactions satisfactions) {
        this.satisfactions = satisfactions;
    }

    @Get("/satisfaction")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ModelAndView<Map<String, Object>> lien(@Nullable @QueryValue String jeton) {
        return page(satisfactions.parLien(jeton), jeton, null, Map.of(), null);
    }

    @Post("/satisfaction")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> repondreParLien(@Body Map<String, String> form) {
        String jeton = form.get("jeton");
        try {
            Satisfactions.Etat etat = satisfactions.repondreParLien(jeton, form.get("note"), form.get("commentaire"));
            return HttpResponse.ok(page(etat, jeton, null, Map.of(), etat instanceof Satisfactions.Etat.Repondu r && r.maintenant() ? "merci" : null));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(page(satisfactions.parLien(jeton), jeton, null, e.erreurs(), null, form));
        }
    }

    @Get("/{cle}/satisfaction")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ModelAndView<Map<String, Object>> duDemandeur(HttpRequest<?> request, @PathVariable String cle) {
        return page(satisfactions.duDemandeur(Acces.professionnel(request), cle), null, cle, Map.of(), null);
    }

    @Post("/{cle}/satisfaction")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ProtectionCsrf
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> repondreDuDemandeur(HttpRequest<?> request, @PathVariable String cle, @Body Map<String, String> form) {
        var actor = Acces.professionnel(request);
        try {
            Satisfactions.Etat etat = satisfactions.repondreDuDemandeur(actor, cle, form.get("note"), form.get("commentaire"));
            return HttpResponse.ok(page(etat, null, cle, Map.of(), etat instanceof Satisfactions.Etat.Repondu r && r.maintenant() ? "merci" : null));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(page(satisfactions.duDemandeur(actor, cle), null, cle, e.erreurs(), null, form));
        }
    }

    @Get("/satisfaction/rapport")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ModelAndView<Map<String, Object>> rapport(HttpRequest<?> request) {
        Satisfactions.Rapport rapport = satisfactions.rapport(Actors.of(request));
        Map<String, Object> model = new HashMap<>();
        model.put("rapport", rapport);
        return new ModelAndView<>("assistance/satisfaction-rapport", model);
    }

    private ModelAndView<Map<String, Object>> page(Satisfactions.Etat etat, String jeton, String cle, Map<String, String> erreurs,
                                                   String message) {
        return page(etat, jeton, cle, erreurs, message, Map.of());
    }

    private ModelAndView<Map<String, Object>> page(Satisfactions.Etat etat, String jeton, String cle, Map<String, String> erreurs,
                                                   String message, Map<String, String> saisie) {
        Map<String, Object> model = new HashMap<>();
        model.put("etat", switch (etat) {
            case Satisfactions.Etat.Invalide i -> "invalide";
            case Satisfactions.Etat.Expire e -> "expire";
            case Satisfactions.Etat.Annule a -> "annule";
            case Satisfactions.Etat.Repondu r -> "repondu";
            case Satisfactions.Etat.Ouvert o -> "ouvert";
            case Satisfactions.Etat.Aucune a -> "aucune";
        });
        switch (etat) {
            case Satisfactions.Etat.Expire e -> model.put("ticket", e.ticket());
            case Satisfactions.Etat.Annule a -> model.put("ticket", a.ticket());
            case Satisfactions.Etat.Repondu r -> {
                model.put("ticket", r.ticket());
                model.put("invitation", r.invitation());
            }
            case Satisfactions.Etat.Ouvert o -> model.put("ticket", o.ticket());
            case Satisfactions.Etat.Aucune a -> model.put("ticket", a.ticket());
            case Satisfactions.Etat.Invalide i -> {
            }
        }
        model.put("jeton", jeton);
        model.put("action", jeton != null ? "/assistance/satisfaction" : "/assistance/" + cle + "/satisfaction");
        model.put("parLien", jeton != null);
        model.put("erreurs", erreurs);
        model.put("message", "merci".equals(message) ? "Merci : votre avis est enregistré." : null);
        model.put("saisieNote", saisie.get("note"));
        model.put("saisieCommentaire", saisie.get("commentaire"));
        return new ModelAndView<>("assistance/satisfaction", model);
    }
}
