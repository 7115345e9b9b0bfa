package fr.sne.core.priorite;

import fr.sne.core.evenement.SaisieInvalide;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Probleme;
import fr.sne.tenants.web.ProtectionCsrf;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desk's change of the priority data from the application's panel. A failed submission (errors,
 * or data changed meanwhile by someone else) shows the form again on a page of its own, with the
 * person's values.
 */
@Controller("/pro/demandes/{numero}/priorite")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class PrioriteController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter HORODATAGE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");

    private final PrioriteService service;
    private final FormulairePriorite formulaire;
    private final Clock clock;

    PrioriteController(PrioriteService service, FormulairePriorite formulaire, Clock clock) {
        this.service = service;
        this.formulaire = formulaire;
        this.clock = clock;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> modifier(HttpRequest<?> request, @PathVariable String numero, @Body Map<String, Object> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        SaisiePriorite saisie = new SaisiePriorite(premier(form, "statutDalo"), premier(form, "dateDecisionDalo"),
                premier(form, "dateFinDalo"), tous(form, "categories"), labels(premier(form, "labelsLocaux")), tous(form, "contingents"));
        String v = premier(form, "version");
        int version = v != null && v.matches("[0-9]{1,9}") ? Integer.parseInt(v) : -1;
        try {
            service.modifier(actor, numero, version, saisie);
        } catch (SaisieInvalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(numero, version, saisie, e.anomalies(), null));
        } catch (PrioritePerimee e) {
            Priorite actuelle = e.actuelle();
            String conflit = actuelle.enregistree()
                    ? "Les données de priorité ont été modifiées pendant votre saisie par " + actuelle.modifiePar() + ", le "
                    + actuelle.modifieLe().atZone(PARIS).format(HORODATAGE) + ". Vos valeurs sont ci-dessous : vérifiez-les "
                    + "au regard des leurs, puis enregistrez à nouveau."
                    : "Les données de priorité ont changé pendant votre saisie : vérifiez vos valeurs puis enregistrez à nouveau.";
            // saving again applies the person's values to the current version
            return HttpResponse.status(HttpStatus.CONFLICT).body(page(numero, actuelle.version(), saisie, List.of(), conflit));
        }
        return HttpResponse.seeOther(URI.create("/pro/demandes/" + numero + "?priorite=modifiee#priorite"));
    }

    private ModelAndView<Map<String, Object>> page(String numero, int version, SaisiePriorite saisie,
                                                   List<Probleme.Anomalie> anomalies, String conflit) {
        Map<String, Object> f = formulaire.modele(numero, version, LocalDate.now(clock.withZone(PARIS)),
                FormulairePriorite.Valeurs.de(saisie), anomalies);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("currentNav", "pro");
        model.put("numero", numero);
        model.put("formulaire", f);
        model.put("erreurs", f.get("erreurs"));
        model.put("conflit", conflit);
        return new ModelAndView<>("pro/demande/priorite", model);
    }

    private static String premier(Map<String, Object> form, String champ) {
        Object v = form.get(champ);
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : String.valueOf(l.getFirst());
        }
        return v == null ? null : String.valueOf(v);
    }

    /** A checkbox group posts its name once per ticked box. */
    private static List<String> tous(Map<String, Object> form, String champ) {
        Object v = form.get(champ);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }

    /** One label per line of the text area. */
    private static List<String> labels(String texte) {
        return texte == null ? List.of() : Arrays.stream(texte.split("\\R")).filter(l -> !l.isBlank()).toList();
    }
}
