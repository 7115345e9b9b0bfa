package fr.sne.community.recherche;

import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Pagination;
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

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search page, for everybody: anonymous visitors find public content, professionals also
 * theirs. Reached from the header's search box; works without JavaScript (GET form, links).
 */
@Controller("/recherche")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class RechercheController {

    private static final String CHEMIN = "/recherche";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final RechercheService service;
    private final Libelles libelles;

    RechercheController(RechercheService service, Libelles libelles) {
        this.service = service;
        this.libelles = libelles;
    }

    /** A result as the page shows it. */
    record Ligne(String titreHtml, String url, String type, String date, List<String> themes, String espace, String extraitHtml) {
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable @QueryValue String q,
                                           @Nullable @QueryValue List<String> type, @Nullable @QueryValue List<String> theme,
                                           @Nullable @QueryValue List<String> espace, @Nullable @QueryValue List<String> periode,
                                           @Nullable @QueryValue String page, @Nullable @QueryValue String tri) {
        ParametresRecherche parametres = new ParametresRecherche(q, type, theme, espace, periode, page, tri);
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "info");
        model.put("q", q == null ? "" : q);
        model.put("tri", "date".equals(tri) ? "date" : "pertinence");
        if (parametres.vide()) {
            model.put("recherche", false);
            return new ModelAndView<>("recherche/index", model);
        }
        // the page is lenient: a bad page number or period is ignored, never an error page
        Recherche recherche = parametres.lire().recherche();
        Resultats r = service.rechercher(Actors.of(request), recherche);
        model.put("recherche", true);
        model.put("total", r.total());
        model.put("page", r.page());
        model.put("pages", r.pages());
        model.put("resultats", r.resultats().stream().map(this::ligne).toList());
        model.put("facettes", r.facettes());
        model.put("filtree", !parametres.types().isEmpty() || !parametres.themes().isEmpty() || !parametres.espaces().isEmpty()
                || !parametres.periodes().isEmpty());
        model.put("sansFiltre", ParametresRecherche.lienTexte(CHEMIN, q));
        model.put("suggestion", r.suggestion());
        model.put("lienSuggestion", r.suggestion() == null ? null : ParametresRecherche.lienTexte(CHEMIN, r.suggestion()));
        model.put("tousLesMots", r.tousLesMots());
        model.put("avis", r.avis());
        model.put("annonce", annonce(r, q));
        model.put("pagination", Pagination.de(r.page(), r.pages(), n -> parametres.lien(CHEMIN, n)));
        return new ModelAndView<>("recherche/index", model);
    }

    private Ligne ligne(Resultats.Resultat r) {
        return new Ligne(r.titreHtml(), lienSur(r.url()), r.type() == null ? null : libelles.valeur(Schema.DIM_TYPE, r.type()),
                r.date() == null ? null : DATE.format(r.date()),
                r.themes().stream().map(t -> libelles.valeur(Schema.DIM_THEME, t)).toList(), r.espace(), r.extraitHtml());
    }

    /** Only links within the site or to https pages; anything else (javascript:…) goes nowhere. */
    static String lienSur(String url) {
        if (url == null) {
            return null;
        }
        return url.startsWith("/") && !url.startsWith("//") || url.startsWith("https://") ? url : null;
    }

    /** What screen readers announce, and the page's title: the count in words. */
    private static String annonce(Resultats r, String q) {
        String pour = q == null || q.isBlank() ? "" : " pour « " + q.strip() + " »";
        if (r.total() == 0) {
            return "Aucun résultat" + pour;
        }
        String nombre = r.total() == 1 ? "1 résultat" : String.format(Locale.FRENCH, "%,d résultats", r.total()).replace('\u202f', ' ');
        return nombre + pour + (r.pages() > 1 ? ", page " + r.page() + " sur " + r.pages() : "");
    }
}
