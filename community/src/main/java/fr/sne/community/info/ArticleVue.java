package fr.sne.community.info;

import io.micronaut.views.ModelAndView;

import java.util.Map;

/** An article's page, in any section. */
final class ArticleVue {

    private ArticleVue() {
    }

    static ModelAndView<Map<String, Object>> vue(LectureService.Consultation consultation) {
        Map<String, Object> model = PagesInfo.modele();
        model.put("article", consultation.article());
        model.put("piecesJointes", consultation.pieces());
        model.put("rubrique", consultation.article().type().rubrique());
        return new ModelAndView<>("info/article", model);
    }
}
