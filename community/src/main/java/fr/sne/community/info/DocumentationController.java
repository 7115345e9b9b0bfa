package fr.sne.community.info;

import fr.sne.tenants.identity.Actors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** Guides and downloadable documents (interface contracts, XSDs) with their versions and dates. */
@Controller("/info/documentation")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class DocumentationController {

    private final LectureService lecture;
    private final ArticlePolicy policy;

    DocumentationController(LectureService lecture, ArticlePolicy policy) {
        this.lecture = lecture;
        this.policy = policy;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request) {
        return new ModelAndView<>("info/documentation", PagesInfo.rubrique(request, Rubrique.DOCUMENTATION, lecture, policy));
    }

    @Get("/{slug}")
    ModelAndView<Map<String, Object>> document(HttpRequest<?> request, @PathVariable String slug) {
        return ArticleVue.vue(lecture.consulter(Actors.of(request), Rubrique.DOCUMENTATION, slug));
    }
}
