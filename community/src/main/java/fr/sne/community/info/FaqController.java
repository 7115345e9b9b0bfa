package fr.sne.community.info;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** Frequently asked questions, by theme, each answer in place (DSFR accordions). */
@Controller("/info/faq")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class FaqController {

    private final LectureService lecture;

    FaqController(LectureService lecture) {
        this.lecture = lecture;
    }

    @Get
    ModelAndView<Map<String, Object>> faq(HttpRequest<?> request, @Nullable @QueryValue String theme) {
        Actor actor = Actors.of(request);
        Theme choisi = Theme.parCode(theme);
        Map<String, Object> model = PagesInfo.modele();
        model.put("theme", choisi == null ? null : choisi.name());
        model.put("questions", lecture.faq(actor, choisi));
        return new ModelAndView<>("info/faq", model);
    }
}
