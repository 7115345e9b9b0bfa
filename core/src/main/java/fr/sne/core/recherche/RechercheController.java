package fr.sne.core.recherche;

import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Pagination;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The professionals' search page ({@code /pro/demandes}): simple criteria, an expandable advanced
 * part, sorted and paginated results linking to each application, and the same results exported
 * as CSV or XLSX. The criteria travel in the query string (no names among them).
 */
@Controller("/pro/demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RechercheController {

    private static final Set<String> HORS_LIENS = Set.of("page");
    /** The parameters of the advanced part: when one is given (even wrong), that part opens. */
    private static final Set<String> AVANCES = Set.of("tailleMin", "tailleMax", "types", "ressourcesMin", "ressourcesMax",
            "revenuMin", "revenuMax", "prioritaire", "dalo", "handicap", "ancienneteMin", "ancienneteMax", "guichet",
            "delaiAnormalementLong", "attributionsMultiples");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final RechercheDemandes service;
    private final ListesCodes codes;

    RechercheController(RechercheDemandes service, ListesCodes codes) {
        this.service = service;
        this.codes = codes;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> page(HttpRequest<?> request) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Criteres.Lecture lecture = Criteres.lire(nom -> request.getParameters().getAll(nom));
        Map<String, String> erreurs = new LinkedHashMap<>(lecture.erreurs());
        boolean soumise = !request.getParameters().names().isEmpty();
        String territoire = service.territoire(actor, lecture.criteres().territoire()).orElse(null);
        if (territoire == null && soumise) {
            erreurs.putIfAbsent("territoire", "Choisissez le territoire où chercher.");
        }
        Criteres criteres = lecture.criteres();
        if (territoire != null) {
            String commune = service.commune(territoire, criteres.commune(), erreurs).orElse(null);
            criteres = criteres.avec(territoire, commune);
        }
        Map<String, Object> model = modele(actor, request, criteres, territoire);
        model.put("erreurs", erreurs);
        if (soumise && erreurs.isEmpty()) {
            Resultats resultats;
            try {
                resultats = service.rechercher(actor, criteres);
            } catch (RechercheDemandes.RechercheTropLongue e) {
                model.put("erreurs", erreurs);
                model.put("alerte", "La recherche a pris trop de temps : précisez les critères (commune, dates, état, guichet…) "
                        + "puis relancez-la.");
                return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ModelAndView<>("pro/demandes/recherche", model));
            }
            model.put("resultats", resultats);
            model.put("pagination", pagination(request, resultats));
            String requete = requete(request, HORS_LIENS);
            model.put("exportCsv", "/pro/demandes/export/demandes.csv" + (requete.isEmpty() ? "" : "?" + requete));
            model.put("exportXlsx", "/pro/demandes/export/demandes.xlsx" + (requete.isEmpty() ? "" : "?" + requete));
        }
        HttpStatus status = erreurs.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
        return HttpResponse.status(status).body(new ModelAndView<>("pro/demandes/recherche", model));
    }

    @Get("/export/demandes.csv")
    @Produces("text/csv")
    HttpResponse<InputStream> exportCsv(HttpRequest<?> request) {
        return exporter(request, FormatExport.CSV);
    }

    @Get("/export/demandes.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    HttpResponse<InputStream> exportXlsx(HttpRequest<?> request) {
        return exporter(request, FormatExport.XLSX);
    }

    private HttpResponse<InputStream> exporter(HttpRequest<?> request, FormatExport format) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Criteres.Lecture lecture = Criteres.lire(nom -> request.getParameters().getAll(nom));
        Map<String, String> erreurs = new LinkedHashMap<>(lecture.erreurs());
        String territoire = service.territoire(actor, lecture.criteres().territoire())
                .orElseThrow(() -> new Refus(HttpStatus.BAD_REQUEST, "Choisissez le territoire où chercher."));
        String commune = service.commune(territoire, lecture.criteres().commune(), erreurs).orElse(null);
        if (!erreurs.isEmpty()) {
            throw new Refus(HttpStatus.BAD_REQUEST, "Critères de recherche invalides : " + String.join(" ", erreurs.values()));
        }
        Criteres criteres = lecture.criteres().avec(territoire, commune);
        InputStream flux = service.exporter(actor, criteres, format);
        String fichier = "demandes-" + territoire + "-" + LocalDate.now(PARIS) + "." + format.extension();
        return HttpResponse.ok(flux).contentType(format.typeMime())
                .header("Content-Disposition", "attachment; filename=\"" + fichier + "\"")
                .header("Cache-Control", "no-store");
    }

    private Map<String, Object> modele(Actor actor, HttpRequest<?> request, Criteres criteres, String territoire) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        Map<String, String> saisie = new HashMap<>();
        for (String nom : request.getParameters().names()) {
            request.getParameters().getFirst(nom).ifPresent(v -> saisie.put(nom, v));
        }
        if (!request.getParameters().contains("etat")) {
            saisie.put("etat", "ACTIVE");
        }
        model.put("saisie", saisie);
        model.put("typesChoisis", request.getParameters().getAll("types"));
        model.put("criteres", criteres);
        model.put("avanceeOuverte", criteres.isAvancee() || AVANCES.stream().anyMatch(nom ->
                request.getParameters().getAll(nom).stream().anyMatch(v -> v != null && !v.isBlank())));
        model.put("types", codes.liste("typeLogement"));
        model.put("statutsDalo", codes.liste("statutDalo"));
        model.put("tris", Tri.values());
        model.put("taillesPage", Criteres.TAILLES_PAGE);
        model.put("limiteExport", RechercheDemandes.LIMITE_EXPORT);
        boolean national = RechercheDemandes.national(actor);
        model.put("choixTerritoire", national);
        if (national) {
            model.put("territoires", service.territoires());
        }
        model.put("territoire", territoire);
        model.put("guichets", territoire == null ? Map.of() : service.guichets(territoire));
        return model;
    }

    /** The DSFR pagination, on the same criteria. */
    private static Pagination pagination(HttpRequest<?> request, Resultats r) {
        String base = "/pro/demandes?" + requete(request, HORS_LIENS);
        String sep = base.endsWith("?") ? "" : "&";
        int pages = r.getPages();
        return Pagination.de(Math.min(r.page(), pages), pages, p -> base + sep + "page=" + p);
    }

    /** The request's query string without some parameters, re-encoded. */
    private static String requete(HttpRequest<?> request, Set<String> sans) {
        List<String> parties = new ArrayList<>();
        for (String nom : request.getParameters().names()) {
            if (sans.contains(nom)) {
                continue;
            }
            for (String v : request.getParameters().getAll(nom)) {
                parties.add(URLEncoder.encode(nom, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return String.join("&", parties);
    }
}
