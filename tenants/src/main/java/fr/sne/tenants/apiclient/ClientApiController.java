package fr.sne.tenants.apiclient;

import fr.sne.tenants.guichet.Annuaire;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Pages;
import fr.sne.tenants.web.Formulaire;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** API clients of the territory: list, registration, deactivation. */
@Controller("/pro/admin/clients-api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ClientApiController {

    private final ClientApiService service;
    private final ClientApiPolicy policy;
    private final Annuaire annuaire;
    private final TenantTransactions transactions;

    ClientApiController(ClientApiService service, ClientApiPolicy policy, Annuaire annuaire, TenantTransactions transactions) {
        this.service = service;
        this.policy = policy;
        this.annuaire = annuaire;
        this.transactions = transactions;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        return page(actor, Map.of(), Map.of(), message == null ? null : switch (message) {
            case "cree" -> "Le client d’API a été enregistré.";
            case "desactive" -> "Le client d’API a été désactivé : ses jetons sont refusés.";
            case "active" -> "Le client d’API a été réactivé.";
            default -> null;
        });
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creer(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        try {
            service.creer(actor, Formulaire.texte(form.get("clientId")), Formulaire.texte(form.get("guichet")), Formulaire.texte(form.get("libelle")));
            return HttpResponse.seeOther(URI.create("/pro/admin/clients-api?message=cree"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(actor, form, e.erreurs(), null));
        }
    }

    @Post("/{clientId}/activation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> activation(HttpRequest<?> request, @PathVariable String clientId, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        boolean actif = "true".equals(form.get("actif"));
        service.activer(actor, clientId, actif);
        return HttpResponse.seeOther(URI.create("/pro/admin/clients-api?message=" + (actif ? "active" : "desactive")));
    }

    private ModelAndView<Map<String, Object>> page(Actor.Professionnel actor, Map<String, String> saisie,
                                                   Map<String, String> erreurs, String message) {
        Map<String, Object> model = Pages.admin("clients");
        model.put("clients", service.lister(actor));
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("message", message);
        String territoire = Perimetre.habilitation(actor).map(h -> h.territoire()).orElse(null);
        boolean peutCreer = policy.decider(actor, ActionClientApi.CREER, territoire).autorisee();
        model.put("peutCreer", peutCreer);
        if (peutCreer) {
            List<Annuaire.Entree> guichets = transactions.withoutScope(annuaire::guichetsActifs).stream()
                    .filter(g -> territoire == null || territoire.equals(g.territoire())).toList();
            model.put("guichets", guichets);
        }
        return new ModelAndView<>("admin/clients-api", model);
    }

}
