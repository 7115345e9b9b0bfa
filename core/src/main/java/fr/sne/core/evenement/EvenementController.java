package fr.sne.core.evenement;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.TypeEvenement;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.ProtectionCsrf;
import fr.sne.tenants.web.Refus;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The desk's actions on the history panel of an application's page: add an event (a failed
 * submission shows the form again with its errors, on a page of its own), and delete one of the
 * desk's events after a confirmation page.
 */
@Controller("/pro/demandes/{numero}/evenements")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class EvenementController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final EvenementService service;
    private final GestionPartageePolicy policy;
    private final FormulaireEvenement formulaire;
    private final CatalogueEvenements catalogue;
    private final Clock clock;

    EvenementController(EvenementService service, GestionPartageePolicy policy, FormulaireEvenement formulaire,
                        CatalogueEvenements catalogue, Clock clock) {
        this.service = service;
        this.policy = policy;
        this.formulaire = formulaire;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> ajouter(HttpRequest<?> request, @PathVariable String numero, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        SaisieEvenement saisie = new SaisieEvenement(form.get("type"), form.get("dateSurvenance"), form.get("commentaire"));
        try {
            service.ajouter(actor, numero, saisie);
        } catch (SaisieInvalide e) {
            Map<String, String> valeurs = new HashMap<>();
            valeurs.put("type", form.getOrDefault("type", ""));
            valeurs.put("dateSurvenance", form.getOrDefault("dateSurvenance", ""));
            valeurs.put("commentaire", form.getOrDefault("commentaire", ""));
            Map<String, Object> f = formulaire.modele(numero, aujourdhui(), valeurs, e.anomalies());
            Map<String, Object> model = page(numero);
            model.put("formulaire", f);
            model.put("erreurs", f.get("erreurs"));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("pro/demande/evenement", model));
        }
        return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "?evenement=ajoute#historique"));
    }

    @Get("/{id}/suppression")
    ModelAndView<Map<String, Object>> confirmation(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Evenement e = service.lire(actor, numero, id);
        if (e.supprime()) {
            throw new Refus(HttpStatus.CONFLICT, "Cet événement est déjà supprimé.");
        }
        Acces.exiger(policy.supprimer(actor, e));
        Map<String, Object> model = page(numero);
        model.put("evenement", Map.of("id", e.id(), "date", e.dateSurvenance().format(JOUR),
                "libelle", catalogue.type(e.code()).map(TypeEvenement::libelle).orElse(e.code()),
                "createur", e.createurLibelle(), "commentaire", e.commentaire() == null ? "" : e.commentaire()));
        return new ModelAndView<>("pro/demande/evenement-suppression", model);
    }

    @Post("/{id}/suppression")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> supprimer(HttpRequest<?> request, @PathVariable String numero, @PathVariable long id,
                              @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        service.supprimer(actor, numero, id);
        return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "?evenement=supprime#historique"));
    }

    private static Map<String, Object> page(String numero) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("currentNav", "pro");
        model.put("numero", numero);
        return model;
    }

    private LocalDate aujourdhui() {
        return LocalDate.now(clock.withZone(PARIS));
    }
}
