package fr.sne.tenants.guichet;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoires;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Pages;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.ProtectionCsrf;
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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Desk pages of the territorial administration. */
@Controller("/pro/admin/guichets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class GuichetController {

    private final GuichetService service;
    private final GuichetPolicy policy;
    private final Territoires territoires;
    private final TenantTransactions transactions;

    GuichetController(GuichetService service, GuichetPolicy policy, Territoires territoires, TenantTransactions transactions) {
        this.service = service;
        this.policy = policy;
        this.territoires = territoires;
        this.transactions = transactions;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        List<Guichet> guichets = service.lister(actor);
        Map<String, Object> model = Pages.admin("guichets");
        model.put("guichets", guichets);
        model.put("peutGerer", peutGerer(actor));
        model.put("message", message == null ? null : switch (message) {
            case "cree" -> "Le guichet a été créé.";
            case "modifie" -> "Le guichet a été modifié.";
            case "desactive" -> "Le guichet a été désactivé.";
            case "active" -> "Le guichet a été réactivé.";
            default -> null;
        });
        return new ModelAndView<>("admin/guichets/liste", model);
    }

    @Get("/nouveau")
    ModelAndView<Map<String, Object>> nouveau(HttpRequest<?> request) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Acces.exiger(policy.decider(actor, ActionGuichet.CREER, Perimetre.habilitation(actor).map(h -> h.territoire()).orElse(null)));
        return formulaire(actor, new SaisieGuichet(null, null, null, null, null, null, null, null, null), Map.of(), true);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creer(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        SaisieGuichet saisie = SaisieGuichet.de(form);
        try {
            service.creer(actor, saisie);
            return HttpResponse.seeOther(URI.create("/pro/admin/guichets?message=cree"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(formulaire(actor, saisie, e.erreurs(), true));
        }
    }

    @Get("/{code}")
    ModelAndView<Map<String, Object>> fiche(HttpRequest<?> request, @PathVariable String code) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Guichet guichet = service.consulter(actor, code);
        return formulaire(actor, SaisieGuichet.de(guichet), Map.of(), false).tap(guichet);
    }

    @Post("/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> modifier(HttpRequest<?> request, @PathVariable String code, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        SaisieGuichet saisie = SaisieGuichet.de(form);
        try {
            service.modifier(actor, code, saisie);
            return HttpResponse.seeOther(URI.create("/pro/admin/guichets?message=modifie"));
        } catch (Formulaire.Invalide e) {
            Guichet guichet = service.consulter(actor, code);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(formulaire(actor, saisie, e.erreurs(), false).tap(guichet));
        }
    }

    @Post("/{code}/activation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> activation(HttpRequest<?> request, @PathVariable String code, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        boolean actif = "true".equals(form.get("actif"));
        service.activer(actor, code, actif);
        return HttpResponse.seeOther(URI.create("/pro/admin/guichets?message=" + (actif ? "active" : "desactive")));
    }

    private FormView formulaire(Actor.Professionnel actor, SaisieGuichet saisie, Map<String, String> erreurs, boolean creation) {
        Map<String, Object> model = Pages.admin("guichets");
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("creation", creation);
        model.put("types", Arrays.stream(TypeGuichet.values()).filter(t -> t != TypeGuichet.PORTAIL).toList());
        boolean national = Perimetre.habilitation(actor).map(h -> h.scope().national()).orElse(false);
        model.put("choixTerritoire", national && creation);
        if (national && creation) {
            model.put("territoires", transactions.withoutScope(territoires::lister));
        }
        return new FormView(model);
    }

    private boolean peutGerer(Actor.Professionnel actor) {
        return Perimetre.habilitation(actor)
                .map(h -> policy.decider(actor, ActionGuichet.CREER, h.territoire()).autorisee())
                .orElse(false);
    }

    /** The form page's model and view. */
    static final class FormView extends ModelAndView<Map<String, Object>> {
        FormView(Map<String, Object> model) {
            super("admin/guichets/formulaire", model);
        }

        FormView tap(Guichet guichet) {
            getModel().ifPresent(m -> m.put("guichet", guichet));
            return this;
        }
    }
}
