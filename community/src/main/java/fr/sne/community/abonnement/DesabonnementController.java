package fr.sne.community.abonnement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unsubscribe links of the mails, without signing in: the signed token says whose and what.
 * Opening the link shows a confirmation button (a link preview must not unsubscribe); the POST,
 * from that button or from a mail client's one-click unsubscribe (RFC 8058,
 * {@code List-Unsubscribe=One-Click}), applies it. No CSRF token: there is no session to ride,
 * the signed token is the proof.
 */
@Controller("/communaute/desabonnement")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class DesabonnementController {

    private final JetonDesabonnement jetons;
    private final Abonnements abonnements;

    DesabonnementController(JetonDesabonnement jetons, Abonnements abonnements) {
        this.jetons = jetons;
        this.abonnements = abonnements;
    }

    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> confirmer(@Nullable @QueryValue String jeton) {
        return page(jeton, jetons.lire(jeton), false);
    }

    @Post
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    HttpResponse<ModelAndView<Map<String, Object>>> desabonner(@Nullable @QueryValue String jeton) {
        Optional<JetonDesabonnement.Contenu> contenu = jetons.lire(jeton);
        contenu.ifPresent(abonnements::desabonner);
        return page(jeton, contenu, contenu.isPresent());
    }

    private static HttpResponse<ModelAndView<Map<String, Object>>> page(String jeton, Optional<JetonDesabonnement.Contenu> contenu, boolean fait) {
        Map<String, Object> model = new HashMap<>();
        model.put("valide", contenu.isPresent());
        model.put("fait", fait);
        model.put("jeton", jeton);
        model.put("tout", contenu.map(c -> c.cible().isEmpty()).orElse(false));
        model.put("cible", contenu.flatMap(JetonDesabonnement.Contenu::cible)
                .map(c -> c.type().libelle() + (c.type() == Cible.Type.TAG ? " #" : " n° ") + c.valeur()).orElse(null));
        return HttpResponse.status(contenu.isPresent() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(new ModelAndView<>("communaute/abonnements/desabonnement", model));
    }
}
