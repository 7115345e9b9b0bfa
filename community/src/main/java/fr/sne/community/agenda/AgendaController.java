package fr.sne.community.agenda;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.community.wiki.Dates;
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
import java.util.Set;

/** The calendars (global and per space), an event with its answers, the moderators' form, and the feeds' subscription page. */
@Controller("/communaute")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AgendaController {

    private final AgendaService service;

    AgendaController(AgendaService service) {
        this.service = service;
    }

    @Get("/agenda")
    ModelAndView<Map<String, Object>> global(HttpRequest<?> request) {
        Map<String, Object> model = modele();
        model.put("espace", null);
        model.put("parMois", service.aVenir(service.visibles(Actors.of(request))));
        return new ModelAndView<>("communaute/agenda/liste", model);
    }

    @Get("/espaces/{espace}/agenda")
    ModelAndView<Map<String, Object>> espace(HttpRequest<?> request, @PathVariable String espace) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.VOIR);
        Map<String, Object> model = modele();
        model.put("espace", e.espace());
        model.put("publie", service.peutPublier(actor, e));
        model.put("parMois", service.aVenir(Set.of(e.espace().id())));
        return new ModelAndView<>("communaute/agenda/liste", model);
    }

    @Get("/espaces/{espace}/agenda/nouveau")
    ModelAndView<Map<String, Object>> nouveau(HttpRequest<?> request, @PathVariable String espace) {
        EspaceVu e = service.ouvrir(Actors.of(request), espace, ActionEspace.MODERER);
        return formulaire(e, Map.of("type", "REUNION"), Map.of());
    }

    @Post("/espaces/{espace}/agenda")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creer(HttpRequest<?> request, @PathVariable String espace, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        EspaceVu e = service.ouvrir(actor, espace, ActionEspace.MODERER);
        Map<String, String> saisie = new LinkedHashMap<>();
        for (String champ : List.of("titre", "type", "journee", "dateDebut", "heureDebut", "dateFin", "heureFin", "lieu", "lienVisio", "description")) {
            saisie.put(champ, premier(form, champ));
        }
        try {
            EvenementAgenda ev = service.creer(actor, espace, saisie);
            return HttpResponse.seeOther(URI.create(ev.url() + "?message=cree"));
        } catch (Formulaire.Invalide ex) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(formulaire(e, saisie, ex.erreurs()));
        }
    }

    @Get("/espaces/{espace}/agenda/{id}")
    ModelAndView<Map<String, Object>> evenement(HttpRequest<?> request, @PathVariable String espace, @PathVariable long id,
                                                @Nullable @QueryValue String message) {
        AgendaService.Detail d = service.consulter(Actors.of(request), espace, id);
        Map<String, Object> model = modele();
        model.put("d", d);
        model.put("reponses", Arrays.asList(Reponse.values()));
        model.put("message", message == null ? null : switch (message) {
            case "cree" -> "L’événement est publié.";
            case "reponse" -> "Votre réponse est enregistrée.";
            default -> null;
        });
        return new ModelAndView<>("communaute/agenda/evenement", model);
    }

    @Post("/espaces/{espace}/agenda/{id}/reponse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> repondre(HttpRequest<?> request, @PathVariable String espace, @PathVariable long id, @Body Map<String, Object> form) {
        service.repondre(Actors.of(request), espace, id, premier(form, "reponse"));
        return HttpResponse.seeOther(URI.create("/communaute/espaces/" + espace + "/agenda/" + id + "?message=reponse"));
    }

    @Get("/agenda/abonnement")
    ModelAndView<Map<String, Object>> abonnement(HttpRequest<?> request) {
        return pageAbonnement(request, null, null);
    }

    @Post("/agenda/abonnement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    ModelAndView<Map<String, Object>> generer(HttpRequest<?> request, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        if ("revoquer".equals(premier(form, "action"))) {
            service.revoquerJeton(actor);
            return pageAbonnement(request, null, "Le lien d’abonnement est révoqué : les agendas qui l’utilisaient ne reçoivent plus rien.");
        }
        String jeton = service.genererJeton(actor);
        return pageAbonnement(request, jeton, "Votre nouveau lien d’abonnement est prêt. L’ancien lien, s’il y en avait un, ne fonctionne plus.");
    }

    private ModelAndView<Map<String, Object>> pageAbonnement(HttpRequest<?> request, String jeton, String message) {
        Actor actor = Actors.of(request);
        Map<String, Object> model = modele();
        model.put("creeLe", service.jetonCreeLe(actor).map(Dates::heure).orElse(null));
        model.put("message", message);
        if (jeton != null) {
            String base = FluxCalendrierController.base(request);
            model.put("lien", base + "/communaute/calendrier/" + jeton + ".ics");
            model.put("lienWebcal", (base + "/communaute/calendrier/" + jeton + ".ics").replaceFirst("^https?://", "webcal://"));
            model.put("espaces", service.espacesVisibles(actor).stream()
                    .map(e -> Map.of("nom", e.nom(), "lien", base + "/communaute/calendrier/" + jeton + "/" + e.slug() + ".ics")).toList());
        }
        return new ModelAndView<>("communaute/agenda/abonnement", model);
    }

    private ModelAndView<Map<String, Object>> formulaire(EspaceVu e, Map<String, String> saisie, Map<String, String> erreurs) {
        Map<String, Object> model = modele();
        model.put("espace", e.espace());
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        Map<String, String> types = new LinkedHashMap<>();
        for (TypeEvenement t : TypeEvenement.values()) {
            types.put(t.name(), t.libelle());
        }
        model.put("types", types);
        return new ModelAndView<>("communaute/agenda/formulaire", model);
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
