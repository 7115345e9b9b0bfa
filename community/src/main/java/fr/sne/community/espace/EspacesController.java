package fr.sne.community.espace;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.identity.Profil;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The spaces' list, their members page (roles managed by owners) and the creation of spaces. */
@Controller("/communaute/espaces")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class EspacesController {

    private final Espaces espaces;
    private final EspaceService service;

    EspacesController(Espaces espaces, EspaceService service) {
        this.espaces = espaces;
        this.service = service;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue String message) {
        Actor actor = Actors.of(request);
        Map<String, Object> model = modele();
        model.put("espaces", espaces.visibles(actor));
        model.put("peutCreer", EspacePolicy.administrateur(actor));
        model.put("message", "cree".equals(message) ? "L’espace a été créé." : null);
        return new ModelAndView<>("communaute/espaces/liste", model);
    }

    @Get("/nouveau")
    ModelAndView<Map<String, Object>> nouveau(HttpRequest<?> request) {
        exigerAdministrateur(Actors.of(request));
        return formulaire(EspaceService.SaisieEspace.vide(), Map.of());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creer(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        exigerAdministrateur(actor);
        EspaceService.SaisieEspace saisie = new EspaceService.SaisieEspace(form.get("slug"), form.get("nom"), form.get("description"),
                form.get("visibilite"), form.get("territoire"), form.get("profil"));
        try {
            Espace e = service.creer(actor, saisie);
            return HttpResponse.seeOther(URI.create(e.url() + "?message=cree"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(formulaire(saisie, e.erreurs()));
        }
    }

    @Get("/{slug}/membres")
    ModelAndView<Map<String, Object>> membres(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue String message) {
        return pageMembres(Actors.of(request), slug, Map.of(), Map.of(), message);
    }

    @Post("/{slug}/membres")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> definirRole(HttpRequest<?> request, @PathVariable String slug, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        try {
            service.definirRole(actor, slug, form.get("email"), form.get("role"));
            return HttpResponse.seeOther(URI.create("/communaute/espaces/" + slug + "/membres?message=role"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(pageMembres(actor, slug, form, e.erreurs(), null));
        }
    }

    @Post("/{slug}/membres/{utilisateurId}/retrait")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retirer(HttpRequest<?> request, @PathVariable String slug, @PathVariable long utilisateurId,
                           @Body Map<String, String> form) {
        service.retirer(Actors.of(request), slug, utilisateurId);
        return HttpResponse.seeOther(URI.create("/communaute/espaces/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "/membres?message=retire"));
    }

    private ModelAndView<Map<String, Object>> pageMembres(Actor actor, String slug, Map<String, String> saisie,
                                                          Map<String, String> erreurs, String message) {
        EspaceVu vu = espaces.ouvrir(actor, slug, ActionEspace.VOIR);
        Map<String, Object> model = modele();
        model.put("espace", vu.espace());
        model.put("role", vu.role().orElse(null));
        model.put("membres", service.membres(vu.espace()));
        model.put("peutGerer", espaces.decider(actor, vu, ActionEspace.GERER).autorisee());
        model.put("peutModerer", espaces.decider(actor, vu, ActionEspace.MODERER).autorisee());
        model.put("roles", Arrays.stream(RoleEspace.values()).collect(LinkedHashMap::new, (m, r) -> m.put(r.name(), r.libelle()), Map::putAll));
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("admis", admisEnMots(vu.espace()));
        model.put("message", message == null ? null : switch (message) {
            case "role" -> "Le rôle a été enregistré.";
            case "retire" -> "Le membre a été retiré de l’espace.";
            default -> null;
        });
        return new ModelAndView<>("communaute/espaces/membres", model);
    }

    /** Who the visibility admits, beyond the listed members, in a sentence. */
    static String admisEnMots(Espace e) {
        return switch (e.visibilite()) {
            case PROFESSIONNELS -> "Tous les professionnels habilités du SNE voient cet espace et y participent.";
            case TERRITOIRE -> "Tous les professionnels habilités sur le territoire " + e.territoire() + " voient cet espace et y participent.";
            case PROFIL -> "Tous les professionnels ayant le profil « " + e.profil().libelle() + " » voient cet espace et y participent.";
            case INVITATION -> "Seuls les membres listés ci-dessous (et les administrateurs nationaux) voient cet espace.";
        };
    }

    private ModelAndView<Map<String, Object>> formulaire(EspaceService.SaisieEspace saisie, Map<String, String> erreurs) {
        Map<String, Object> model = modele();
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("visibilites", Arrays.stream(Visibilite.values()).collect(LinkedHashMap::new, (m, v) -> m.put(v.name(), v.libelle()), Map::putAll));
        model.put("profils", Arrays.stream(Profil.values()).collect(LinkedHashMap::new, (m, p) -> m.put(p.name(), p.libelle()), Map::putAll));
        return new ModelAndView<>("communaute/espaces/nouveau", model);
    }

    private static void exigerAdministrateur(Actor actor) {
        if (!EspacePolicy.administrateur(actor)) {
            throw new fr.sne.tenants.web.Refus(HttpStatus.FORBIDDEN, "Réservé aux administrateurs nationaux");
        }
    }

    static Map<String, Object> modele() {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "communaute");
        model.put("dates", Dates.INSTANCE);
        return model;
    }

}
