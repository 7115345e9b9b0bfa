package fr.sne.community.info;

import fr.sne.tenants.identity.Actor;
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

/** The reference texts (legal corpus) by code, and each article of a code. */
@Controller("/info/reglementation")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReglementationController {

    static final int TAILLE_PAGE = 20;
    static final Map<String, String> CODES = Map.of(
            "CCH", "Code de la construction et de l’habitation",
            "CASF", "Code de l’action sociale et des familles",
            "CRPA", "Code des relations entre le public et l’administration",
            "CT", "Code du travail");

    private final LectureService lecture;
    private final ArticlePolicy policy;

    ReglementationController(LectureService lecture, ArticlePolicy policy) {
        this.lecture = lecture;
        this.policy = policy;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request) {
        Actor actor = Actors.of(request);
        FiltresLecture filtres = FiltresLecture.lire(request.getParameters(), Rubrique.REGLEMENTATION, policy.lecteur(actor),
                TAILLE_PAGE, CriteresLecture.Ordre.CORPUS);
        Map<String, Object> model = PagesInfo.modele();
        PagesInfo.liste(model, filtres, lecture.lister(actor, filtres.criteres()), Rubrique.REGLEMENTATION.chemin());
        model.put("codes", PagesInfo.options(lecture.codesTextes().stream()
                .map(c -> Map.entry(c, CODES.getOrDefault(c, c))).toList()));
        return new ModelAndView<>("info/reglementation", model);
    }

    @Get("/{slug}")
    ModelAndView<Map<String, Object>> texte(HttpRequest<?> request, @PathVariable String slug) {
        ModelAndView<Map<String, Object>> vue = ArticleVue.vue(lecture.consulter(Actors.of(request), Rubrique.REGLEMENTATION, slug));
        vue.getModel().ifPresent(m -> {
            Article a = (Article) m.get("article");
            m.put("nomCode", CODES.get(a.codeTexte()));
            m.put("sourceLisible", source(a.source()));
        });
        return vue;
    }

    /** Where a text comes from, in words (see the corpus' README). */
    static String source(String source) {
        if (source == null) {
            return null;
        }
        if (source.startsWith("legi-data@")) {
            return "Base LEGI de la DILA (paquet legi-data " + source.substring("legi-data@".length()).replaceFirst(":.*", "") + ")";
        }
        if (source.startsWith("codes-juridiques-francais@")) {
            return "Instantané des codes publié par Etalab (printemps 2015) : texte ancien, à vérifier sur Légifrance";
        }
        return source;
    }
}
