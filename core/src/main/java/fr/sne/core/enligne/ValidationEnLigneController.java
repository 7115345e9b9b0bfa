package fr.sne.core.enligne;

import fr.sne.core.demande.DemandeInvalide;
import fr.sne.core.demande.DoublonsProbables;
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
import java.util.LinkedHashMap;
import java.util.Map;

/** The desks' pages: online applications waiting for validation, identity check, validation or refusal. */
@Controller("/pro/demandes-en-ligne")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ValidationEnLigneController {

    private final ValidationEnLigneService service;

    ValidationEnLigneController(ValidationEnLigneService service) {
        this.service = service;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue String message,
                                            @Nullable @QueryValue String numero) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Map<String, Object> model = modele();
        model.put("demandes", service.enAttente(actor));
        model.put("message", "refusee".equals(message) ? "La demande a été refusée : le demandeur verra le motif sur le portail." : null);
        return new ModelAndView<>("pro/demandes-en-ligne/liste", model);
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> fiche(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        ModelAndView<Map<String, Object>> vue = fiche(service.examiner(actor, id), Map.of(), Map.of());
        vue.getModel().orElseThrow().put("message", "validee".equals(message)
                ? "La demande est enregistrée : le numéro unique est attribué, l’attestation d’enregistrement va être envoyée au demandeur." : null);
        return vue;
    }

    @Post("/{id}/validation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> valider(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Verification verification = new Verification(form.get("piece"), coche(form, "nomNaissance"), coche(form, "prenoms"),
                coche(form, "dateNaissance"));
        String confirmation = Formulaire.texte(form.get("confirmationNonDoublon"));
        try {
            service.valider(actor, id, version(form), verification, confirmation);
            return HttpResponse.seeOther(URI.create("/pro/demandes-en-ligne/" + id + "?message=validee"));
        } catch (Formulaire.Invalide e) {
            return erreur(actor, id, form, e.erreurs());
        } catch (DoublonsProbables e) {
            return erreur(actor, id, form, Map.of("confirmationNonDoublon", "Une demande active du territoire a les mêmes nom de "
                    + "naissance, prénoms et date de naissance (n° " + String.join(", ", e.numeros()) + ") : s’il s’agit "
                    + "d’une autre personne, indiquez pourquoi pour enregistrer quand même ; sinon, refusez la demande en ligne."));
        } catch (DemandeInvalide e) {
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.anomalies().forEach(a -> erreurs.putIfAbsent("anomalie-" + erreurs.size(), a.message()));
            return erreur(actor, id, form, erreurs);
        }
    }

    @Post("/{id}/refus")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> refuser(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        try {
            service.refuser(actor, id, version(form), Formulaire.texte(form.get("motif")));
            return HttpResponse.seeOther(URI.create("/pro/demandes-en-ligne?message=refusee"));
        } catch (Formulaire.Invalide e) {
            return erreur(actor, id, form, e.erreurs());
        }
    }

    private HttpResponse<?> erreur(Actor.Professionnel actor, long id, Map<String, String> form, Map<String, String> erreurs) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(fiche(service.examiner(actor, id), form, erreurs));
    }

    private static ModelAndView<Map<String, Object>> fiche(ValidationEnLigneService.Examen examen, Map<String, String> saisie,
                                                         Map<String, String> erreurs) {
        Map<String, Object> model = modele();
        model.put("examen", examen);
        model.put("demande", examen.demande());
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("pieces", Verification.PIECES);
        model.put("verifications", java.util.List.of("nomNaissance", "prenoms", "dateNaissance"));
        return new ModelAndView<>("pro/demandes-en-ligne/fiche", model);
    }

    private static boolean coche(Map<String, String> form, String nom) {
        return "oui".equals(form.get(nom));
    }

    /** The version the agent looked at; a missing or forged one matches nothing (409). */
    private static int version(Map<String, String> form) {
        try {
            return Integer.parseInt(form.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, Object> modele() {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        return model;
    }
}
