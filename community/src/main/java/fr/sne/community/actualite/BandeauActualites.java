package fr.sne.community.actualite;

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

/**
 * The important news banner on every community page ({@code communaute/...} views): added to the
 * page's model, shown by the layout through {@code communaute/actualites/fragments :: bandeau}.
 */
@Singleton
class BandeauActualites implements ViewModelProcessor<Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(BandeauActualites.class);

    private final ActualitesService service;

    BandeauActualites(ActualitesService service) {
        this.service = service;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        if (modelAndView.getView().filter(v -> v.startsWith("communaute/")).isEmpty()) {
            return;
        }
        List<ActualiteCommunaute> bandeaux;
        try {
            bandeaux = service.bandeaux(Actors.of(request));
        } catch (RuntimeException e) {
            // a page must show even when the banners cannot be read
            LOG.warn("Bandeaux d'actualités non lus : {}", e.toString());
            bandeaux = List.of();
        }
        if (bandeaux.isEmpty()) {
            return;
        }
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        model.put("bandeauxCommunaute", bandeaux);
        model.put("bandeauRetour", request.getPath());
        modelAndView.setModel(model);
    }
}
