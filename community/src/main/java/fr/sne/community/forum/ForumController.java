package fr.sne.community.forum;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Dates;
import fr.sne.community.espace.Espace;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A space's home with its forum, categories, topics, replies, edits and their history, thanks, "résolu", flags. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ForumController {

    static final String SUJETS = "/communaute/forum/sujets/";

    private final Espaces espaces;
    private final ForumService service;
    private final ModerationForum moderation;
    private final PagesForum pages;

    ForumController(Espaces espaces, ForumService service, ModerationForum moderation, PagesForum pages) {
        this.espaces = espaces;
        this.service = service;
        this.moderation = moderation;
        this.pages = pages;
    }

    // the space's home

    @Get("/communaute/espaces/{slug}")
    ModelAndView<Map<String, Object>> espace(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue String message) {
        return pageEspace(Actors.of(request), slug, Map.of(), Map.of(), message);
    }

    @Post("/communaute/espaces/{slug}/categories")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creerCategorie(HttpRequest<?> request, @PathVariable String slug, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        try {
            Categorie c = moderation.creerCategorie(actor, slug, saisieCategorie(form));
            return HttpResponse.seeOther(URI.create("/communaute/forum/categories/" + c.id() + "?message=creee"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(pageEspace(actor, slug, form, e.erreurs(), null));
        }
    }

    private ModelAndView<Map<String, Object>> pageEspace(Actor actor, String slug, Map<String, String> saisie, Map<String, String> erreurs,
                                                         String message) {
        EspaceVu vu = espaces.ouvrir(actor, slug, ActionEspace.VOIR);
        Map<String, Object> model = pages.modele(vu, actor);
        List<Categorie> categories = service.categories(vu.espace());
        Map<Long, List<Sujet>> sujets = new LinkedHashMap<>();
        for (Categorie c : categories) {
            sujets.put(c.id(), service.sujets(actor, vu, c, 5));
        }
        model.put("categories", categories);
        model.put("sujetsParCategorie", sujets);
        model.put("derniers", service.derniersSujets(vu.espace(), 8));
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("message", message == null ? null : switch (message) {
            case "cree" -> "L’espace a été créé. Ajoutez ses catégories de forum ci-dessous.";
            default -> null;
        });
        return new ModelAndView<>("communaute/espaces/accueil", model);
    }

    // categories

    @Get("/communaute/forum/categories/{id}")
    ModelAndView<Map<String, Object>> categorie(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String message) {
        Actor actor = Actors.of(request);
        return pageCategorie(actor, id, null, Map.of(), message);
    }

    @Post("/communaute/forum/categories/{id}/sujets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creerSujet(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        Map<String, String> saisie = saisie(form, "titre", "tags", "markdown");
        if ("brouillon".equals(form.get("action"))) {
            Map.Entry<EspaceVu, Categorie> ec = service.categorie(actor, id, ActionEspace.PARTICIPER);
            try {
                service.enregistrerBrouillon(actor, ec.getKey().espace(), "categorie:" + id, saisie.get("titre"), saisie.get("markdown"));
                return HttpResponse.seeOther(URI.create("/communaute/forum/categories/" + id + "?message=brouillon#nouveau-sujet"));
            } catch (Formulaire.Invalide e) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(pageCategorie(actor, id, saisie, e.erreurs(), null));
            }
        }
        try {
            Sujet s = service.creerSujet(actor, id, saisie.get("titre"), saisie.get("tags"), saisie.get("markdown"));
            return HttpResponse.seeOther(URI.create(SUJETS + s.id() + (s.enAttente() ? "?message=attente" : "")));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(pageCategorie(actor, id, saisie, e.erreurs(), null));
        }
    }

    private ModelAndView<Map<String, Object>> pageCategorie(Actor actor, long id, Map<String, String> saisie, Map<String, String> erreurs,
                                                            String message) {
        Map.Entry<EspaceVu, Categorie> ec = service.categorie(actor, id, ActionEspace.VOIR);
        EspaceVu vu = ec.getKey();
        Map<String, Object> model = pages.modele(vu, actor);
        model.put("categorie", ec.getValue());
        model.put("sujets", service.sujets(actor, vu, ec.getValue(), 200));
        Map<String, String> valeurs = saisie;
        if (valeurs == null) {
            valeurs = service.brouillon(actor, vu.espace(), "categorie:" + id)
                    .map(b -> Map.of("titre", b.titre(), "markdown", b.markdown(), "tags", "")).orElse(Map.of());
            model.put("brouillonRestaure", !valeurs.isEmpty());
        }
        model.put("saisie", valeurs);
        model.put("erreurs", erreurs);
        model.put("message", message == null ? null : switch (message) {
            case "brouillon" -> "Votre brouillon est enregistré : il vous attend sur cette page.";
            case "creee" -> "La catégorie a été créée.";
            case "reglages" -> "Les réglages de la catégorie sont enregistrés.";
            default -> null;
        });
        return new ModelAndView<>("communaute/forum/categorie", model);
    }

    // topics

    @Get("/communaute/forum/sujets/{id}")
    HttpResponse<?> sujet(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String message) {
        Actor actor = Actors.of(request);
        ForumService.SujetOuvert s = service.ouvrir(actor, id, ActionEspace.VOIR);
        if (s.sujet().fusionneDans() != null) {
            return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY).header("Location", SUJETS + s.sujet().fusionneDans());
        }
        return HttpResponse.ok(pages.sujet(actor, s, null, Map.of(), message));
    }

    @Post("/communaute/forum/sujets/{id}/reponses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> repondre(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        Map<String, String> saisie = saisie(form, "markdown");
        try {
            if ("brouillon".equals(form.get("action"))) {
                ForumService.SujetOuvert s = service.ouvrir(actor, id, ActionEspace.PARTICIPER);
                service.enregistrerBrouillon(actor, s.espace().espace(), "sujet:" + id, "", saisie.get("markdown"));
                return HttpResponse.seeOther(URI.create(SUJETS + id + "?message=brouillon#repondre"));
            }
            Message m = service.repondre(actor, id, saisie.get("markdown"), null);
            return HttpResponse.seeOther(URI.create(SUJETS + id + (m.enAttente() ? "?message=attente" : "") + "#message-" + m.id()));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(pages.sujet(actor, service.ouvrir(actor, id, ActionEspace.VOIR), saisie, e.erreurs(), null));
        }
    }

    @Post("/communaute/forum/sujets/{id}/resolu")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resoudre(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        String message = form.get("message");
        Long messageId = message == null || message.isBlank() ? null : Long.parseLong(message.strip());
        service.resoudre(Actors.of(request), id, messageId);
        return HttpResponse.seeOther(URI.create(SUJETS + id + "?message=" + (messageId == null ? "non-resolu" : "resolu")));
    }

    // posts

    @Get("/communaute/forum/messages/{id}/modifier")
    ModelAndView<Map<String, Object>> formulaireModification(HttpRequest<?> request, @PathVariable long id) {
        Actor actor = Actors.of(request);
        Message m = service.message(actor, id);
        return pageModification(actor, m, Map.of("markdown", m.markdown(), "version", Integer.toString(m.version())), Map.of(), false);
    }

    @Post("/communaute/forum/messages/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> modifier(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        Map<String, String> saisie = saisie(form, "markdown", "version");
        int version;
        try {
            version = Integer.parseInt(saisie.get("version").strip());
        } catch (NumberFormatException e) {
            version = -1;
        }
        try {
            Message m = service.modifier(actor, id, version, saisie.get("markdown"));
            return HttpResponse.seeOther(URI.create(SUJETS + m.sujetId() + "?message=modifie#message-" + id));
        } catch (ForumService.ModificationConcurrente e) {
            Map<String, String> valeurs = new HashMap<>(saisie);
            valeurs.put("version", Integer.toString(e.actuel().version()));
            Map<String, Object> model = pageModification(actor, e.actuel(), valeurs, Map.of(), true).getModel().orElseThrow();
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("communaute/forum/modifier", model));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(pageModification(actor, service.message(actor, id), saisie, e.erreurs(), false));
        }
    }

    private ModelAndView<Map<String, Object>> pageModification(Actor actor, Message m, Map<String, String> saisie, Map<String, String> erreurs,
                                                               boolean conflit) {
        ForumService.SujetOuvert s = service.ouvrir(actor, m.sujetId(), ActionEspace.PARTICIPER);
        if (m.auteurId() != ForumService.id(actor) && !s.moderateur()) {
            throw new fr.sne.tenants.web.Refus(HttpStatus.FORBIDDEN, "Accès refusé");
        }
        Map<String, Object> model = pages.modele(s.espace(), actor);
        model.put("sujet", s.sujet());
        model.put("message", m);
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("conflit", conflit);
        return new ModelAndView<>("communaute/forum/modifier", model);
    }

    @Get("/communaute/forum/messages/{id}/versions")
    ModelAndView<Map<String, Object>> versions(HttpRequest<?> request, @PathVariable long id) {
        Actor actor = Actors.of(request);
        Message m = service.message(actor, id);
        ForumService.SujetOuvert s = service.ouvrir(actor, m.sujetId(), ActionEspace.VOIR);
        Map<String, Object> model = pages.modele(s.espace(), actor);
        model.put("sujet", s.sujet());
        model.put("message", m);
        model.put("versions", service.versions(actor, id));
        return new ModelAndView<>("communaute/forum/versions", model);
    }

    @Post("/communaute/forum/messages/{id}/merci")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> merci(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        Message m = service.message(actor, id);
        service.merci(actor, id);
        return HttpResponse.seeOther(URI.create(SUJETS + m.sujetId() + "#message-" + id));
    }

    @Get("/communaute/forum/messages/{id}/signaler")
    ModelAndView<Map<String, Object>> formulaireSignalement(HttpRequest<?> request, @PathVariable long id) {
        Actor actor = Actors.of(request);
        return pageSignalement(actor, service.message(actor, id), Map.of(), Map.of());
    }

    @Post("/communaute/forum/messages/{id}/signaler")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signaler(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor actor = Actors.of(request);
        Message m = service.message(actor, id);
        try {
            service.signaler(actor, id, form.get("motif"), form.get("texte"));
            return HttpResponse.seeOther(URI.create(SUJETS + m.sujetId() + "?message=signale#message-" + id));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(pageSignalement(actor, m, saisie(form, "motif", "texte"), e.erreurs()));
        }
    }

    private ModelAndView<Map<String, Object>> pageSignalement(Actor actor, Message m, Map<String, String> saisie, Map<String, String> erreurs) {
        ForumService.SujetOuvert s = service.ouvrir(actor, m.sujetId(), ActionEspace.VOIR);
        Map<String, Object> model = pages.modele(s.espace(), actor);
        model.put("sujet", s.sujet());
        model.put("message", m);
        model.put("motifs", Arrays.stream(MotifSignalement.values()).collect(LinkedHashMap::new, (x, v) -> x.put(v.name(), v.libelle()), Map::putAll));
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        return new ModelAndView<>("communaute/forum/signaler", model);
    }

    static Map<String, String> saisie(Map<String, String> form, String... champs) {
        Map<String, String> saisie = new HashMap<>();
        for (String c : champs) {
            saisie.put(c, Optional.ofNullable(form.get(c)).orElse(""));
        }
        return saisie;
    }

    static ModerationForum.SaisieCategorie saisieCategorie(Map<String, String> form) {
        return new ModerationForum.SaisieCategorie(form.get("nom"), form.get("description"), form.get("ordre"),
                "true".equals(form.get("approbation")), form.get("modeLent"), form.get("version"), form.get("motif"));
    }

}
