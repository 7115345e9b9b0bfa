package fr.sne.community.recherche;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Pages;
import fr.sne.tenants.web.ProtectionCsrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The search engine's administration page: the index's state, its rebuilds, the rebuild button. */
@Controller("/pro/admin/recherche")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ReconstructionController {

    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private final AdministrationIndex administration;

    ReconstructionController(AdministrationIndex administration) {
        this.administration = administration;
    }

    /** A rebuild as the table shows it. */
    record Ligne(String demandeeLe, String motif, String demandeePar, String etat, String termineeLe, Long documents, String erreur) {
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        AdministrationIndex.Etat etat = administration.etat(actor);
        Map<String, Object> model = Pages.admin("recherche");
        model.put("documents", etat.documents());
        model.put("reconstruitLe", heure(etat.reconstruitLe()));
        model.put("demandes", etat.demandes().stream().map(d -> new Ligne(heure(d.demandeeLe()), d.motif().libelle(), d.demandeePar(),
                d.etat(), heure(d.termineeLe()), d.documents(), d.erreur())).toList());
        model.put("peutReconstruire", etat.peutReconstruire());
        model.put("message", "demandee".equals(message)
                ? "La reconstruction de l’index a été demandée : elle commence dans quelques secondes. L’index actuel reste utilisé jusqu’à la fin."
                : null);
        return new ModelAndView<>("admin/recherche", model);
    }

    @Post("/reconstruction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reconstruire(HttpRequest<?> request, @Body Map<String, String> form) {
        administration.demanderReconstruction(Acces.professionnel(request));
        return HttpResponse.seeOther(URI.create("/pro/admin/recherche?message=demandee"));
    }

    private static String heure(Instant instant) {
        return instant == null ? null : HEURE.format(instant);
    }
}
