package fr.sne.tenants.identity;

import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.ProtectionCsrf;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Choosing, and switching, the habilitation a professional works with during the session. */
@Controller("/pro/habilitation")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class HabilitationActiveController {

    private final ChoixHabilitation choix;

    HabilitationActiveController(ChoixHabilitation choix) {
        this.choix = choix;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request) {
        Acces.professionnel(request);
        return new ModelAndView<>("pro/habilitation", new HashMap<>(Map.of("currentNav", "pro")));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> choisir(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Long id = parse(form.get("habilitation"));
        if (id == null || actor.habilitations().stream().noneMatch(h -> h.id() == id)) {
            Map<String, Object> model = new HashMap<>(Map.of("currentNav", "pro",
                    "erreurs", Map.of("habilitation", "Choisissez l’une de vos habilitations actives.")));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("pro/habilitation", model));
        }
        return HttpResponse.seeOther(URI.create("/pro")).cookie(choix.cookie(authentication.getName(), id));
    }

    private static Long parse(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
