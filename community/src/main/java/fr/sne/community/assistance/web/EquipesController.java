package fr.sne.community.assistance.web;

import fr.sne.community.assistance.equipe.Equipes;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
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

import java.net.URI;
import java.util.Map;

/** The user's preferences (default team) and the national administrators' team pages. */
@Controller("/assistance")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class EquipesController {

    private final Equipes equipes;

    EquipesController(Equipes equipes) {
        this.equipes = equipes;
    }

    @Get("/preferences")
    ModelAndView<Map<String, Object>> preferences(HttpRequest<?> request, @Nullable @QueryValue String message) {
        return preferences(Actors.of(request), Map.of(), "enregistre".equals(message) ? "Vos préférences sont enregistrées." : null);
    }

    @Post("/preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enregistrerPreferences(HttpRequest<?> request, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        try {
            equipes.choisirEquipeParDefaut(actor, PagesAssistance.entier(PagesAssistance.premier(form, "equipe")));
            return HttpResponse.seeOther(URI.create("/assistance/preferences?message=enregistre"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(preferences(actor, e.erreurs(), null));
        }
    }

    @Get("/admin/equipes")
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue String message) {
        return liste(Actors.of(request), Map.of(), Map.of(), "creee".equals(message) ? "L’équipe est créée." : null);
    }

    @Post("/admin/equipes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creer(HttpRequest<?> request, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        String nom = PagesAssistance.premier(form, "nom");
        String description = PagesAssistance.premier(form, "description");
        try {
            long id = equipes.creer(actor, nom, description);
            return HttpResponse.seeOther(URI.create("/assistance/admin/equipes/" + id + "?message=creee"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(liste(actor, e.erreurs(),
                    Map.of("nom", nom == null ? "" : nom, "description", description == null ? "" : description), null));
        }
    }

    @Get("/admin/equipes/{id}")
    ModelAndView<Map<String, Object>> equipe(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String message) {
        return equipe(Actors.of(request), id, Map.of(), message == null ? null : switch (message) {
            case "creee" -> "L’équipe est créée : ajoutez ses membres.";
            case "ajoute" -> "Le membre est ajouté.";
            case "retire" -> "Le membre est retiré.";
            default -> null;
        });
    }

    @Post("/admin/equipes/{id}/membres")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> ajouter(HttpRequest<?> request, @PathVariable long id, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        try {
            equipes.ajouterMembre(actor, id, PagesAssistance.premier(form, "courriel"));
            return HttpResponse.seeOther(URI.create("/assistance/admin/equipes/" + id + "?message=ajoute"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(equipe(actor, id, e.erreurs(), null));
        }
    }

    @Post("/admin/equipes/{id}/membres/{utilisateurId}/retrait")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retirer(HttpRequest<?> request, @PathVariable long id, @PathVariable long utilisateurId, @Body Map<String, Object> form) {
        equipes.retirerMembre(Actors.of(request), id, utilisateurId);
        return HttpResponse.seeOther(URI.create("/assistance/admin/equipes/" + id + "?message=retire"));
    }

    private ModelAndView<Map<String, Object>> preferences(Actor actor, Map<String, String> erreurs, String message) {
        MesDemandesController.exigerPro(actor);
        long moi = ((Actor.Professionnel) actor).utilisateurId();
        Map<String, Object> model = PagesAssistance.modele();
        model.put("equipes", equipes.de(moi));
        Long defaut = equipes.equipeParDefaut(moi);
        model.put("defaut", defaut == null ? "" : defaut.toString());
        model.put("erreurs", erreurs);
        model.put("message", message);
        return new ModelAndView<>("assistance/preferences", model);
    }

    private ModelAndView<Map<String, Object>> liste(Actor actor, Map<String, String> erreurs, Map<String, String> saisie, String message) {
        Equipes.exigerAdministrateur(actor);
        Map<String, Object> model = PagesAssistance.modele();
        model.put("equipes", equipes.toutes());
        model.put("erreurs", erreurs);
        model.put("saisie", saisie);
        model.put("message", message);
        return new ModelAndView<>("assistance/equipes", model);
    }

    private ModelAndView<Map<String, Object>> equipe(Actor actor, long id, Map<String, String> erreurs, String message) {
        Map<String, Object> model = PagesAssistance.modele();
        model.put("equipe", equipes.equipe(actor, id));
        model.put("membres", equipes.membres(actor, id));
        model.put("erreurs", erreurs);
        model.put("message", message);
        return new ModelAndView<>("assistance/equipe", model);
    }
}
