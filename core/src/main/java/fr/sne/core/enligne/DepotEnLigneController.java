package fr.sne.core.enligne;

import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.ProtectionCsrf;
import fr.sne.tenants.web.Refus;
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
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The applicant's online filing pages: start or resume, one page per step (each saves), the
 * summary with the declaration and the sending, and the application's status afterwards.
 */
@Controller("/demande")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class DepotEnLigneController {

    /** The code lists the forms offer, by list name. */
    static final List<String> LISTES = List.of("civilite", "nationalite", "situationFamiliale", "lienDemandeur",
            "sexe", "lienParente", "coParentalite", "typeContratTravail", "ressourceRecue", "ressourceVersee", "modeleLogement",
            "categorieLogement", "typeLogement", "motifDemande", "categorieLogementRecherche", "etatHandicap",
            "capaciteMarcheHandicap", "natureHandicapMoteur", "natureHandicapSensoriel", "aideTechniqueHandicap",
            "equipementHandicap", "statutDalo", "categoriePrioritaire");

    private final DepotEnLigneService service;
    private final Map<String, Map<String, String>> listes;
    private final Clock clock;

    DepotEnLigneController(DepotEnLigneService service, ListesCodes codes, Clock clock) {
        this.service = service;
        this.clock = clock;
        Map<String, Map<String, String>> l = new HashMap<>();
        LISTES.forEach(nom -> l.put(nom, codes.liste(nom)));
        this.listes = Map.copyOf(l);
    }

    @Get
    ModelAndView<Map<String, Object>> debut(HttpRequest<?> request) {
        List<DemandeEnLigne> brouillons = service.brouillons(Actors.of(request));
        return new ModelAndView<>("portail/demande/debut", modele(Map.of("brouillons", brouillons, "etapes", Etape.values())));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> commencer(HttpRequest<?> request, @Body Map<String, String> form) {
        DemandeEnLigne d = service.commencer(Actors.of(request));
        return HttpResponse.seeOther(URI.create("/demande/" + d.id() + "/" + Etape.IDENTITE.getCode()));
    }

    /** A draft resumes at the step reached; a submitted application shows its status. */
    @Get("/{id}")
    HttpResponse<?> demande(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String message) {
        DemandeEnLigne d = service.consulter(Actors.of(request), id);
        if (d.isBrouillon()) {
            return HttpResponse.seeOther(URI.create("/demande/" + id + "/" + d.etape().getCode()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("demande", d);
        model.put("message", "envoyee".equals(message) ? "Votre demande a été envoyée. Un guichet enregistreur va vérifier votre "
                + "identité puis l’enregistrer : vous recevrez alors votre numéro unique et votre attestation."
                : "corrigee".equals(message) ? "Vos corrections ont été enregistrées." : null);
        return HttpResponse.ok(new ModelAndView<>("portail/demande/suivi", modele(model)));
    }

    @Get("/{id}/{etape}")
    HttpResponse<?> etape(HttpRequest<?> request, @PathVariable long id, @PathVariable String etape) {
        Etape e = Etape.deCode(etape).orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Page introuvable"));
        if (e == Etape.RECAPITULATIF) {
            return HttpResponse.ok(recapitulatif(service.recapitulatif(Actors.of(request), id)));
        }
        DepotEnLigneService.PageEtape page = service.page(Actors.of(request), id, e);
        // a draft's later steps open once the earlier ones are done
        if (page.demande().isBrouillon() && e.ordinal() > page.demande().etape().ordinal()) {
            return HttpResponse.seeOther(URI.create("/demande/" + id + "/" + page.demande().etape().getCode()));
        }
        return HttpResponse.ok(etape(page, false));
    }

    /**
     * Saves a step; {@code action}: {@code continuer} (next step when there is no error),
     * {@code precedent} or {@code quitter} (a draft is saved whatever its errors).
     */
    @Post("/{id}/{etape}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enregistrer(HttpRequest<?> request, @PathVariable long id, @PathVariable String etape,
                                @Body Map<String, String> form) {
        Etape e = Etape.deCode(etape).orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Page introuvable"));
        String action = form.getOrDefault("action", "continuer");
        DepotEnLigneService.Enregistrement r = service.enregistrer(Actors.of(request), id, e, form, "continuer".equals(action));
        DemandeEnLigne d = r.page().demande();
        if (r.enregistre() && "quitter".equals(action)) {
            return HttpResponse.seeOther(URI.create(d.isBrouillon() ? "/?message=brouillon" : "/demande/" + id + "?message=corrigee"));
        }
        if (r.enregistre() && "precedent".equals(action) && e.getPrecedente().isPresent()) {
            return HttpResponse.seeOther(URI.create("/demande/" + id + "/" + e.getPrecedente().get().getCode()));
        }
        if (r.accepte()) {
            Etape suivante = e.getSuivante().orElse(Etape.RECAPITULATIF);
            return HttpResponse.seeOther(URI.create("/demande/" + id + "/" + suivante.getCode()));
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(etape(r.page(), r.enregistre()));
    }

    @Post("/{id}/envoi")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> envoyer(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        DepotEnLigneService.PageRecapitulatif page = service.soumettre(Actors.of(request), id, "oui".equals(form.get("declaration")));
        if (page.erreurs().isEmpty()) {
            return HttpResponse.seeOther(URI.create("/demande/" + id + "?message=envoyee"));
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(recapitulatif(page));
    }

    private ModelAndView<Map<String, Object>> etape(DepotEnLigneService.PageEtape page, boolean brouillonEnregistre) {
        Map<String, Object> model = new HashMap<>();
        model.put("demande", page.demande());
        model.put("etape", page.etape());
        model.put("etapes", Arrays.stream(Etape.values()).toList());
        model.put("valeurs", page.valeurs());
        model.put("lignes", page.lignes());
        model.put("nombres", page.nombres());
        model.put("erreurs", page.erreurs());
        model.put("verrous", page.verrous());
        model.put("listes", listes);
        model.put("brouillonEnregistre", brouillonEnregistre && !page.erreurs().isEmpty());
        int annee = Year.now(clock.withZone(ZoneId.of("Europe/Paris"))).getValue();
        model.put("anneeN1", annee - 1);
        model.put("anneeN2", annee - 2);
        return new ModelAndView<>("portail/demande/etape", modele(model));
    }

    private ModelAndView<Map<String, Object>> recapitulatif(DepotEnLigneService.PageRecapitulatif page) {
        Map<String, Object> model = new HashMap<>();
        model.put("demande", page.demande());
        model.put("etape", Etape.RECAPITULATIF);
        model.put("etapes", Arrays.stream(Etape.values()).toList());
        model.put("sections", page.sections());
        model.put("anomalies", page.anomalies());
        model.put("erreurs", page.erreurs());
        return new ModelAndView<>("portail/demande/recapitulatif", modele(model));
    }

    private static Map<String, Object> modele(Map<String, Object> contenu) {
        Map<String, Object> model = new HashMap<>(contenu);
        model.put("currentNav", "portail");
        return model;
    }
}
