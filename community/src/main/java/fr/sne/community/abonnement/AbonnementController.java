package fr.sne.community.abonnement;

import fr.sne.tenants.identity.Actor;
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
import java.util.List;
import java.util.Map;

/**
 * "Mes abonnements": the person's subscriptions and e-mail preferences, and the target of every
 * "Suivre" control ({@code fragments/abonnement :: suivre(cible, niveau)}).
 */
@Controller("/communaute/abonnements")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AbonnementController {

    private final Abonnements abonnements;

    AbonnementController(Abonnements abonnements) {
        this.abonnements = abonnements;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        return page(actor, message, Map.of(), HttpStatus.OK).getBody().orElseThrow();
    }

    /** Sets a level; back to {@code retour} (a community page) or to this page. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> suivre(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        try {
            abonnements.definir(actor, form.get("cible"), form.get("niveau"), form.get("libelle"), form.get("url"));
        } catch (Formulaire.Invalide e) {
            return page(actor, null, e.erreurs(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        String retour = form.get("retour") != null ? form.get("retour") : chemin(request.getHeaders().get("Referer"));
        boolean retourSur = retour != null && retour.startsWith("/communaute/") && !retour.contains("//") && retour.length() <= 500
                && retour.matches("[A-Za-z0-9/_.~%?=&-]+") && !retour.startsWith("/communaute/abonnements");
        return HttpResponse.seeOther(URI.create(retourSur ? retour : "/communaute/abonnements?message=niveau"));
    }

    /** The path (and query) of the page the form came from, when it is one of ours. */
    private static String chemin(String referer) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            return uri.getRawPath() == null ? null : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Post("/retirer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retirer(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Cible.lire(form.get("cible")).ifPresent(c -> abonnements.retirer(actor, c));
        return HttpResponse.seeOther(URI.create("/communaute/abonnements?message=retire"));
    }

    @Post("/preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> preferences(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        PreferencesCourriel.Frequence frequence = "QUOTIDIEN".equals(form.get("frequence"))
                ? PreferencesCourriel.Frequence.QUOTIDIEN : PreferencesCourriel.Frequence.HEBDOMADAIRE;
        abonnements.enregistrer(actor, new PreferencesCourriel(frequence, "oui".equals(form.get("courriels"))));
        return HttpResponse.seeOther(URI.create("/communaute/abonnements?message=preferences"));
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> page(Actor.Professionnel actor, String message,
                                                                Map<String, String> erreurs, HttpStatus statut) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "communaute");
        model.put("abonnements", abonnements.lister(actor));
        model.put("preferences", abonnements.preferences(actor.utilisateurId()));
        model.put("frequences", List.of(PreferencesCourriel.Frequence.values()));
        model.put("niveaux", List.of(Niveau.values()));
        model.put("erreurs", erreurs);
        model.put("message", message == null ? null : switch (message) {
            case "niveau" -> "Votre abonnement est enregistré.";
            case "retire" -> "L’abonnement est retiré : le niveau Normal s’applique de nouveau.";
            case "preferences" -> "Vos préférences de courriel sont enregistrées.";
            default -> null;
        });
        return HttpResponse.status(statut).body(new ModelAndView<>("communaute/abonnements/liste", model));
    }
}
