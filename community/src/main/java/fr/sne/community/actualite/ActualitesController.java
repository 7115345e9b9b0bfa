package fr.sne.community.actualite;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Pagination;
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
import java.util.List;
import java.util.Map;

/** The news feeds (global and per space), a news item, the moderators' form, and dismissing a banner. */
@Controller("/communaute")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ActualitesController {

    private final ActualitesService service;

    ActualitesController(ActualitesService service) {
        this.service = service;
    }

    @Get("/actualites")
    ModelAndView<Map<String, Object>> global(HttpRequest<?> request, @Nullable @QueryValue Integer page) {
        ActualitesService.Fil fil = service.filGlobal(Actors.of(request), page == null ? 1 : page);
        Map<String, Object> model = modele();
        model.put("fil", fil);
        model.put("espace", null);
        model.put("pagination", Pagination.de(fil.page(), fil.pages(), p -> "/communaute/actualites?page=" + p));
        return new ModelAndView<>("communaute/actualites/liste", model);
    }

    @Get("/espaces/{espace}/actualites")
    ModelAndView<Map<String, Object>> espace(HttpRequest<?> request, @PathVariable String espace, @Nullable @QueryValue Integer page,
                                             @Nullable @QueryValue String message) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.VOIR);
        ActualitesService.Fil fil = service.fil(java.util.Set.of(e.espace().id()), page == null ? 1 : page);
        Map<String, Object> model = modele();
        model.put("fil", fil);
        model.put("espace", e.espace());
        model.put("publie", service.peutPublier(actor, e));
        model.put("message", "publiee".equals(message) ? "L’actualité est publiée." : null);
        model.put("pagination", Pagination.de(fil.page(), fil.pages(), p -> e.espace().url() + "/actualites?page=" + p));
        return new ModelAndView<>("communaute/actualites/liste", model);
    }

    @Get("/espaces/{espace}/actualites/nouvelle")
    ModelAndView<Map<String, Object>> nouvelle(HttpRequest<?> request, @PathVariable String espace) {
        EspaceVu e = service.ouvrir(Actors.of(request), espace, ActionEspace.MODERER);
        return formulaire(e, Map.of("titre", "", "contenu", "", "important", false), Map.of());
    }

    @Post("/espaces/{espace}/actualites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publier(HttpRequest<?> request, @PathVariable String espace, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.MODERER);
        String titre = premier(form, "titre");
        String contenu = premier(form, "texte");
        boolean important = "true".equals(premier(form, "important"));
        try {
            ActualiteCommunaute a = service.publier(actor, espace, titre, contenu, important);
            return HttpResponse.seeOther(URI.create(a.url() + "?message=publiee"));
        } catch (Formulaire.Invalide ex) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(formulaire(e,
                    Map.of("titre", titre == null ? "" : titre, "contenu", contenu == null ? "" : contenu, "important", important), ex.erreurs()));
        }
    }

    @Get("/espaces/{espace}/actualites/{id}")
    ModelAndView<Map<String, Object>> actualite(HttpRequest<?> request, @PathVariable String espace, @PathVariable long id,
                                                @Nullable @QueryValue String message) {
        ActualiteCommunaute a = service.consulter(Actors.of(request), espace, id);
        Map<String, Object> model = modele();
        model.put("a", a);
        model.put("html", service.html(a));
        model.put("message", "publiee".equals(message) ? (a.important()
                ? "L’actualité importante est publiée : les membres de l’espace la recevront par courriel et la verront en bandeau."
                : "L’actualité est publiée.") : null);
        return new ModelAndView<>("communaute/actualites/actualite", model);
    }

    @Post("/actualites/{id}/masquage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> masquer(HttpRequest<?> request, @PathVariable long id, @Body Map<String, Object> form) {
        service.masquer(Actors.of(request), id);
        String retour = premier(form, "retour");
        // only back to a page of the community (no open redirect)
        boolean sur = retour != null && retour.startsWith("/communaute") && !retour.contains("//") && !retour.contains("\\");
        return HttpResponse.seeOther(URI.create(sur ? retour : "/communaute"));
    }

    private ModelAndView<Map<String, Object>> formulaire(EspaceVu e, Map<String, Object> saisie, Map<String, String> erreurs) {
        Map<String, Object> model = modele();
        model.put("espace", e.espace());
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        return new ModelAndView<>("communaute/actualites/formulaire", model);
    }

    private static Map<String, Object> modele() {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "communaute");
        return model;
    }

    static String premier(Map<String, Object> form, String champ) {
        Object v = form.get(champ);
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : String.valueOf(l.getFirst());
        }
        return v == null ? null : v.toString();
    }
}
