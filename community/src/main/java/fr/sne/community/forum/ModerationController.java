package fr.sne.community.forum;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.community.espace.Espaces;
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

/** Moderators' pages and actions: queue, log, category settings, hide, lock, pin, move, merge, approve. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ModerationController {

    private static final String SUJETS = ForumController.SUJETS;

    private final Espaces espaces;
    private final ForumService service;
    private final ModerationForum moderation;
    private final PagesForum pages;

    ModerationController(Espaces espaces, ForumService service, ModerationForum moderation, PagesForum pages) {
        this.espaces = espaces;
        this.service = service;
        this.moderation = moderation;
        this.pages = pages;
    }

    @Get("/communaute/espaces/{slug}/moderation")
    ModelAndView<Map<String, Object>> file(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue String message) {
        Actor actor = Actors.of(request);
        EspaceVu vu = espaces.ouvrir(actor, slug, ActionEspace.MODERER);
        Map<String, Object> model = pages.modele(vu, actor);
        model.put("signalements", moderation.signalements(actor, slug));
        model.put("enAttente", moderation.enAttente(actor, slug));
        model.put("message", message == null ? null : "L’action de modération est enregistrée au journal.");
        model.put("erreurs", Map.of());
        return new ModelAndView<>("communaute/espaces/moderation", model);
    }

    @Get("/communaute/espaces/{slug}/journal")
    ModelAndView<Map<String, Object>> journal(HttpRequest<?> request, @PathVariable String slug) {
        Actor actor = Actors.of(request);
        EspaceVu vu = espaces.ouvrir(actor, slug, ActionEspace.MODERER);
        Map<String, Object> model = pages.modele(vu, actor);
        model.put("entrees", moderation.journal(actor, slug));
        return new ModelAndView<>("communaute/espaces/journal", model);
    }

    @Get("/communaute/forum/categories/{id}/reglages")
    ModelAndView<Map<String, Object>> reglages(HttpRequest<?> request, @PathVariable long id) {
        Actor actor = Actors.of(request);
        Map.Entry<EspaceVu, Categorie> ec = service.categorie(actor, id, ActionEspace.MODERER);
        Categorie c = ec.getValue();
        return pageReglages(actor, ec, Map.of("nom", c.nom(), "description", c.description(), "ordre", Integer.toString(c.ordre()),
                "approbation", Boolean.toString(c.approbation()), "modeLent", Integer.toString(c.modeLentSecondes()),
                "version", Integer.toString(c.version()), "motif", ""), Map.of());
    }

    @Post("/communaute/forum/categories/{id}/reglages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> modifierReglages(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        try {
            moderation.modifierCategorie(actor, id, ForumController.saisieCategorie(form));
            return HttpResponse.seeOther(URI.create("/communaute/forum/categories/" + id + "?message=reglages"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(pageReglages(actor, service.categorie(actor, id, ActionEspace.MODERER),
                    ForumController.saisie(form, "nom", "description", "ordre", "approbation", "modeLent", "version", "motif"), e.erreurs()));
        }
    }

    private ModelAndView<Map<String, Object>> pageReglages(Actor actor, Map.Entry<EspaceVu, Categorie> ec, Map<String, String> saisie,
                                                           Map<String, String> erreurs) {
        Map<String, Object> model = pages.modele(ec.getKey(), actor);
        model.put("categorie", ec.getValue());
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        return new ModelAndView<>("communaute/forum/reglages", model);
    }

    @Post("/communaute/forum/messages/{id}/masquage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> masquer(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        long sujet = service.message(actor, id).sujetId();
        return action(actor, sujet, form, () -> moderation.masquer(actor, id, "true".equals(form.get("masque")), form.get("motif")));
    }

    @Post("/communaute/forum/messages/{id}/signalements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> classer(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        String slug = espaces.ouvrir(actor, service.message(actor, id).espaceId(), ActionEspace.MODERER).espace().slug();
        moderation.classerSignalements(actor, id, form.getOrDefault("motif", "Signalement examiné, message conservé"));
        return HttpResponse.seeOther(URI.create("/communaute/espaces/" + slug + "/moderation?message=fait"));
    }

    @Post("/communaute/forum/messages/{id}/approbation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approuver(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        Message m = service.message(actor, id);
        String slug = espaces.ouvrir(actor, m.espaceId(), ActionEspace.MODERER).espace().slug();
        try {
            moderation.approuver(actor, id, "true".equals(form.get("approuve")), form.get("motif"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.seeOther(URI.create("/communaute/espaces/" + slug + "/moderation?message=motif"));
        }
        return HttpResponse.seeOther(URI.create("/communaute/espaces/" + slug + "/moderation?message=fait"));
    }

    @Post("/communaute/forum/sujets/{id}/verrou")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> verrouiller(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        return action(actor, id, form, () -> moderation.verrouiller(actor, id, "true".equals(form.get("verrouille")), form.get("motif")));
    }

    @Post("/communaute/forum/sujets/{id}/epingle")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> epingler(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        return action(actor, id, form, () -> moderation.epingler(actor, id, "true".equals(form.get("epingle"))));
    }

    @Post("/communaute/forum/sujets/{id}/deplacement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deplacer(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        return action(actor, id, form, () -> {
            long categorie;
            try {
                categorie = Long.parseLong(form.getOrDefault("categorie", "").strip());
            } catch (NumberFormatException e) {
                throw new Formulaire.Invalide(new Formulaire().erreur("categorie", "Choisissez la catégorie de destination."));
            }
            moderation.deplacer(actor, id, categorie, form.get("motif"));
        });
    }

    @Post("/communaute/forum/sujets/{id}/fusion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> fusionner(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        long cible;
        try {
            cible = Long.parseLong(form.getOrDefault("cible", "").strip().replaceFirst("^.*/", "").replaceFirst("#.*$", ""));
        } catch (NumberFormatException e) {
            return erreur(actor, id, Map.of("cible", "Saisissez le numéro (ou l’adresse) du sujet qui reste."));
        }
        try {
            moderation.fusionner(actor, id, cible, form.get("motif"));
        } catch (Formulaire.Invalide e) {
            return erreur(actor, id, e.erreurs());
        }
        return HttpResponse.seeOther(URI.create(SUJETS + cible + "?message=moderation"));
    }

    private HttpResponse<?> action(Actor actor, long sujetId, Map<String, String> form, Runnable action) {
        try {
            action.run();
        } catch (Formulaire.Invalide e) {
            return erreur(actor, sujetId, e.erreurs());
        }
        return HttpResponse.seeOther(URI.create(SUJETS + sujetId + "?message=moderation#moderation"));
    }

    private HttpResponse<?> erreur(Actor actor, long sujetId, Map<String, String> erreurs) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(pages.sujet(actor, service.ouvrir(actor, sujetId, ActionEspace.VOIR), null, erreurs, null));
    }

}
