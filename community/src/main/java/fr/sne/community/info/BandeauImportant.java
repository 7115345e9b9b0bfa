package fr.sne.community.info;

import fr.sne.tenants.identity.Actors;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "important" articles on the professionals' home: added to that page's model (the page
 * belongs to core, which knows nothing of the community), shown as DSFR notices by the
 * {@code info/fragments :: annonces} fragment.
 */
@Singleton
class BandeauImportant implements ViewModelProcessor<Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(BandeauImportant.class);
    static final Set<String> VUES = Set.of("pro/accueil");

    private final LectureService lecture;

    BandeauImportant(LectureService lecture) {
        this.lecture = lecture;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        if (modelAndView.getView().filter(VUES::contains).isEmpty()) {
            return;
        }
        List<Article> annonces;
        try {
            annonces = lecture.importants(Actors.of(request));
        } catch (RuntimeException e) {
            // the home page must show even when the notices cannot be read
            LOG.warn("Annonces importantes non lues : {}", e.toString());
            annonces = List.of();
        }
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        model.put("annoncesImportantes", annonces);
        modelAndView.setModel(model);
    }
}
