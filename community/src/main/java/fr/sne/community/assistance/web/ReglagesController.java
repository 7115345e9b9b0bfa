package fr.sne.community.assistance.web;

import fr.sne.community.assistance.sla.Reglages;
import fr.sne.community.assistance.type.TypesAssistance;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The national administrators' page of opening hours, holidays, service-level targets and closing delay. */
@Controller("/assistance/admin/reglages")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ReglagesController {

    private static final String CHEMIN = "/assistance/admin/reglages";

    private final Reglages reglages;
    private final TypesAssistance types;

    ReglagesController(Reglages reglages, TypesAssistance types) {
        this.reglages = reglages;
        this.types = types;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable @QueryValue String message) {
        return page(Actors.of(request), Map.of(), "enregistre".equals(message) ? "Les réglages sont enregistrés." : null);
    }

    @Post("/horaires")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> horaires(HttpRequest<?> request, @Body Map<String, Object> form) {
        Map<DayOfWeek, String[]> saisie = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek j : DayOfWeek.values()) {
            saisie.put(j, new String[]{PagesAssistance.premier(form, "ouverture-" + j.getValue()), PagesAssistance.premier(form, "fermeture-" + j.getValue())});
        }
        Actor actor = Actors.of(request);
        return faire(actor, () -> reglages.horaires(actor, saisie));
    }

    @Post("/feries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> ferie(HttpRequest<?> request, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        return faire(actor, () -> reglages.ajouterFerie(actor, PagesAssistance.premier(form, "jour"), PagesAssistance.premier(form, "libelle")));
    }

    @Post("/feries/retrait")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retirerFerie(HttpRequest<?> request, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        return faire(actor, () -> reglages.retirerFerie(actor, PagesAssistance.premier(form, "jour")));
    }

    @Post("/cloture")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cloture(HttpRequest<?> request, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        return faire(actor, () -> reglages.cloture(actor, PagesAssistance.premier(form, "jours")));
    }

    @Post("/objectifs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> objectif(HttpRequest<?> request, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        return faire(actor, () -> reglages.objectif(actor, PagesAssistance.premier(form, "type"), PagesAssistance.premier(form, "priorite"),
                PagesAssistance.premier(form, "premiereReponse"), PagesAssistance.premier(form, "resolution")));
    }

    private HttpResponse<?> faire(Actor actor, Runnable action) {
        try {
            action.run();
            return HttpResponse.seeOther(URI.create(CHEMIN + "?message=enregistre"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(actor, e.erreurs(), null));
        }
    }

    private ModelAndView<Map<String, Object>> page(Actor actor, Map<String, String> erreurs, String message) {
        Reglages.Etat etat = reglages.lire(actor);
        Map<String, Object> model = PagesAssistance.modele();
        Map<Integer, String> jours = new LinkedHashMap<>();
        for (DayOfWeek j : DayOfWeek.values()) {
            jours.put(j.getValue(), j.getDisplayName(TextStyle.FULL, Locale.FRENCH));
        }
        model.put("jours", jours);
        Map<Integer, Map<String, String>> horaires = new LinkedHashMap<>();
        etat.horaires().forEach((j, p) -> horaires.put(j.getValue(), Map.of("ouverture", p.ouverture().toString(), "fermeture", p.fermeture().toString())));
        model.put("horaires", horaires);
        model.put("etat", etat);
        model.put("types", types.actifs());
        model.put("erreurs", erreurs);
        model.put("message", message);
        return new ModelAndView<>("assistance/reglages", model);
    }

}
