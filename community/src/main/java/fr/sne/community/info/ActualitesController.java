package fr.sne.community.info;

import fr.sne.tenants.identity.Actors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.util.Map;

/** News, planned maintenance, incidents and release notes: the list with its filters, each page, the RSS feed. */
@Controller("/info/actualites")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ActualitesController {

    static final String TYPE_RSS = "application/rss+xml";
    static final int ELEMENTS_FLUX = 20;

    private final LectureService lecture;
    private final ArticlePolicy policy;
    private final FluxActualites flux;
    private final HttpHostResolver hote;
    private final Clock clock;

    ActualitesController(LectureService lecture, ArticlePolicy policy, FluxActualites flux, HttpHostResolver hote, Clock clock) {
        this.lecture = lecture;
        this.policy = policy;
        this.flux = flux;
        this.hote = hote;
        this.clock = clock;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request) {
        return new ModelAndView<>("info/actualites", PagesInfo.rubrique(request, Rubrique.ACTUALITES, lecture, policy));
    }

    /** RSS 2.0 of the public news only, whoever asks (feed readers never sign in). */
    @Get("/flux.xml")
    @Produces(TYPE_RSS)
    HttpResponse<String> flux(HttpRequest<?> request) {
        String base = hote.resolve(request).replaceAll("/+$", "");
        return HttpResponse.ok(flux.rss(lecture.flux(ELEMENTS_FLUX), base, clock.instant()))
                .contentType(TYPE_RSS + ";charset=UTF-8");
    }

    @Get("/{slug}")
    ModelAndView<Map<String, Object>> article(HttpRequest<?> request, @PathVariable String slug) {
        return ArticleVue.vue(lecture.consulter(Actors.of(request), Rubrique.ACTUALITES, slug));
    }
}
