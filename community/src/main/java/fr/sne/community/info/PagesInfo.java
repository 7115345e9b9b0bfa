package fr.sne.community.info;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Pagination;
import io.micronaut.http.HttpRequest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model every information-site page starts from. */
final class PagesInfo {

    private PagesInfo() {
    }

    static Map<String, Object> modele() {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "info");
        model.put("themes", options(Arrays.stream(Theme.values()).map(t -> Map.entry(t.name(), t.libelle())).toList()));
        model.put("audiences", options(Arrays.stream(Audience.values()).map(a -> Map.entry(a.name(), a.libelle())).toList()));
        return model;
    }

    static Map<String, String> types(Rubrique rubrique) {
        return options(TypeContenu.de(rubrique).stream().map(t -> Map.entry(t.name(), t.libelle())).toList());
    }

    static Map<String, String> options(List<Map.Entry<String, String>> entrees) {
        Map<String, String> options = new LinkedHashMap<>();
        entrees.forEach(e -> options.put(e.getKey(), e.getValue()));
        return options;
    }

    /** A list page: its filters, results, pagination. */
    static void liste(Map<String, Object> model, FiltresLecture filtres, LectureService.Liste liste, String chemin) {
        model.put("saisie", filtres.saisie());
        model.put("erreurs", filtres.erreurs());
        model.put("filtre", filtres.filtre());
        model.put("resultats", liste.resultats());
        model.put("pieces", liste.pieces());
        model.put("pagination", Pagination.de(liste.resultats().page(), liste.resultats().pages(), p -> filtres.url(chemin, p)));
    }

    /** The model of a section's list page (news, documentation): filters read, the reader's page of articles. */
    static Map<String, Object> rubrique(HttpRequest<?> request, Rubrique rubrique, LectureService lecture, ArticlePolicy policy) {
        Actor actor = Actors.of(request);
        Lecteur lecteur = policy.lecteur(actor);
        FiltresLecture filtres = FiltresLecture.lire(request.getParameters(), rubrique, lecteur,
                FiltresLecture.TAILLE_PAGE, CriteresLecture.Ordre.RECENTS);
        Map<String, Object> model = modele();
        liste(model, filtres, lecture.lister(actor, filtres.criteres()), rubrique.chemin());
        model.put("types", types(rubrique));
        model.put("professionnel", lecteur.professionnel());
        return model;
    }
}
