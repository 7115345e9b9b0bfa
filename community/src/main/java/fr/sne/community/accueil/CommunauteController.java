package fr.sne.community.accueil;

import fr.sne.community.espace.Dates;
import fr.sne.community.espace.EspaceVu;
import fr.sne.community.espace.Espaces;
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
import io.micronaut.views.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** SNE Communautés' home, for signed-in professionals: what is new in their spaces, and their spaces. */
@Controller("/communaute")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CommunauteController {

    private static final Logger LOG = LoggerFactory.getLogger(CommunauteController.class);
    static final int NOUVEAUTES = 15;

    private final Espaces espaces;
    private final List<SourceNouveautes> sources;

    CommunauteController(Espaces espaces, List<SourceNouveautes> sources) {
        this.espaces = espaces;
        this.sources = sources;
    }

    @Get
    @View("communaute/accueil")
    Map<String, Object> accueil(HttpRequest<?> request) {
        Actor actor = Actors.of(request);
        List<EspaceVu> mesEspaces = espaces.visibles(actor);
        Set<Long> ids = mesEspaces.stream().map(v -> v.espace().id()).collect(Collectors.toUnmodifiableSet());
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "communaute");
        model.put("dates", Dates.INSTANCE);
        model.put("espaces", mesEspaces);
        model.put("nouveautes", fusionner(sources, ids, NOUVEAUTES));
        return model;
    }

    /** Every source's recent items of these spaces, newest first; a failing source leaves the others shown. */
    static List<Nouveaute> fusionner(List<SourceNouveautes> sources, Set<Long> espaces, int limite) {
        if (espaces.isEmpty()) {
            return List.of();
        }
        List<Nouveaute> toutes = new ArrayList<>();
        for (SourceNouveautes source : sources) {
            try {
                source.recentes(espaces, limite).stream().filter(n -> espaces.contains(n.espaceId())).forEach(toutes::add);
            } catch (RuntimeException e) {
                LOG.warn("Nouveautés de {} indisponibles : {}", source.getClass().getSimpleName(), e.toString());
            }
        }
        return toutes.stream().sorted(Comparator.comparing(Nouveaute::date, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(limite).toList();
    }
}
