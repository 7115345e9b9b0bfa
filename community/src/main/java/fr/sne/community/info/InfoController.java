package fr.sne.community.info;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** The public home of the professionals' information site: latest news, important notices, sections. */
@Controller("/info")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class InfoController {

    private final LectureService lecture;
    private final ArticlePolicy policy;

    InfoController(LectureService lecture, ArticlePolicy policy) {
        this.lecture = lecture;
        this.policy = policy;
    }

    @Get
    ModelAndView<Map<String, Object>> accueil(HttpRequest<?> request) {
        Actor actor = Actors.of(request);
        Map<String, Object> model = PagesInfo.modele();
        model.put("actualites", lecture.lister(actor, CriteresLecture.de(LectureService.types(Rubrique.ACTUALITES), 1, 3))
                .resultats().elements());
        model.put("annoncesImportantes", lecture.importants(actor));
        model.put("auteur", policy.decider(actor, ActionArticle.GERER, null).autorisee());
        return new ModelAndView<>("info/accueil", model);
    }
}
