package fr.sne.core.antifraude;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The territorial manager's monitoring of names changed per desk: the table and its bar chart,
 * a desk's changes (drill-down), and both as CSV.
 */
@Controller("/pro/surveillance-noms")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveillanceController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The longest period asked at once. */
    private static final int ANNEES_MAXIMUM = 5;

    /** One bar of the chart, in the SVG's own units. */
    record Barre(String libelle, int total, boolean auDessus, int y, int largeur) {
    }

    private final SurveillanceNoms surveillance;

    SurveillanceController(SurveillanceNoms surveillance) {
        this.surveillance = surveillance;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> tableau(HttpRequest<?> request, @Nullable @QueryValue String du, @Nullable @QueryValue String au) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Map<String, String> erreurs = new LinkedHashMap<>();
        SurveillanceNoms.Periode periode = periode(du, au, erreurs);
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        model.put("erreurs", erreurs);
        model.put("du", du != null && !erreurs.isEmpty() ? du : periode.du().toString());
        model.put("au", au != null && !erreurs.isEmpty() ? au : periode.au().toString());
        SurveillanceNoms.Tableau t = surveillance.tableau(actor, periode);
        model.put("t", t);
        model.put("nombreAuDessus", t.guichets().stream().filter(SurveillanceNoms.LigneGuichet::auDessus).count());
        model.put("libellePeriode", "du " + DATE.format(periode.du()) + " au " + DATE.format(periode.au()));
        model.put("moyenne", nombre(t.moyenne()));
        model.put("seuil", nombre(t.seuil()));
        model.put("facteur", nombre(t.facteur()));
        model.put("requete", "du=" + periode.du() + "&au=" + periode.au());
        graphique(t, model);
        HttpStatus status = erreurs.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
        return HttpResponse.status(status).body(new ModelAndView<>("pro/antifraude/surveillance", model));
    }

    @Get("/guichets/{code}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> guichet(HttpRequest<?> request, @PathVariable String code, @Nullable @QueryValue String du,
                            @Nullable @QueryValue String au) {
        Actor.Professionnel actor = Acces.professionnel(request);
        SurveillanceNoms.Periode periode = periodeValide(du, au);
        SurveillanceNoms.Tableau t = surveillance.tableau(actor, periode);
        SurveillanceNoms.LigneGuichet ligne = t.guichets().stream().filter(g -> g.code().equals(code)).findFirst()
                .orElseThrow(() -> new fr.sne.tenants.web.Refus(HttpStatus.NOT_FOUND, "Aucun guichet " + code + " dans votre territoire."));
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        model.put("g", ligne);
        model.put("moyenne", nombre(t.moyenne()));
        model.put("libellePeriode", "du " + DATE.format(periode.du()) + " au " + DATE.format(periode.au()));
        model.put("requete", "du=" + periode.du() + "&au=" + periode.au());
        model.put("changements", surveillance.duGuichet(actor, code, periode).stream().map(c -> LigneChangement.de(c, false)).toList());
        return HttpResponse.ok(new ModelAndView<>("pro/antifraude/guichet", model));
    }

    @Get("/export.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> exportCsv(HttpRequest<?> request, @Nullable @QueryValue String du, @Nullable @QueryValue String au) {
        Actor.Professionnel actor = Acces.professionnel(request);
        SurveillanceNoms.Periode periode = periodeValide(du, au);
        SurveillanceNoms.Tableau t = surveillance.tableau(actor, periode);
        Csv csv = new Csv().ligne(List.of("Code du guichet", "Guichet", "Changements mineurs appliqués", "En attente de validation",
                "Validés", "Refusés", "Total", "Rapport à la moyenne du territoire", "Au-dessus du seuil d’alerte"));
        for (SurveillanceNoms.LigneGuichet g : t.guichets()) {
            csv.ligne(List.of(g.code(), g.nom(), g.appliques(), g.enAttente(), g.valides(), g.refuses(), g.total(),
                    g.rapport() == null ? "" : nombre(g.rapport()), g.auDessus() ? "oui" : "non"));
        }
        surveillance.exporte(actor, null, periode);
        return fichier(csv, "changements-nom-" + t.territoire() + "-" + periode.du() + "-" + periode.au() + ".csv");
    }

    @Get("/guichets/{code}/export.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> exportGuichetCsv(HttpRequest<?> request, @PathVariable String code, @Nullable @QueryValue String du,
                                          @Nullable @QueryValue String au) {
        Actor.Professionnel actor = Acces.professionnel(request);
        SurveillanceNoms.Periode periode = periodeValide(du, au);
        Csv csv = new Csv().ligne(List.of("Demandé le", "Numéro unique", "Personne", "Nom et prénoms avant",
                "Nom et prénoms demandés", "Nature", "Statut", "Demandé par", "Décision", "Motif du refus"));
        for (ChangementNom c : surveillance.duGuichet(actor, code, periode)) {
            LigneChangement l = LigneChangement.de(c, false);
            csv.ligne(java.util.Arrays.asList(l.demandeLe(), l.numeroUnique(), l.personne(), l.avant(), l.apres(),
                    l.mineur() ? "mineur" : "important", l.statut(), l.demandePar(), l.decision(), l.motifRefus()));
        }
        surveillance.exporte(actor, code, periode);
        return fichier(csv, "changements-nom-" + code + "-" + periode.du() + "-" + periode.au() + ".csv");
    }

    private static HttpResponse<byte[]> fichier(Csv csv, String nom) {
        return HttpResponse.ok(csv.octets()).contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + nom + "\"")
                .header("Cache-Control", "no-store");
    }

    /** The chart: one horizontal bar per desk, the average and the alert threshold as lines. */
    private static void graphique(SurveillanceNoms.Tableau t, Map<String, Object> model) {
        int hauteurBarre = 32;
        int largeurMax = 440;
        double max = Math.max(1, Math.max(t.seuil(), t.guichets().stream().mapToInt(SurveillanceNoms.LigneGuichet::total).max().orElse(0)));
        List<Barre> barres = new ArrayList<>();
        int y = 10;
        for (SurveillanceNoms.LigneGuichet g : t.guichets()) {
            barres.add(new Barre(g.nom(), g.total(), g.auDessus(), y, (int) Math.round(g.total() / max * largeurMax)));
            y += hauteurBarre;
        }
        model.put("barres", barres);
        model.put("hauteurGraphique", y + 30);
        model.put("xMoyenne", 250 + (int) Math.round(t.moyenne() / max * largeurMax));
        model.put("xSeuil", 250 + (int) Math.round(t.seuil() / max * largeurMax));
    }

    /** The period asked, or the default one (the errors say why a given one was not taken). */
    private SurveillanceNoms.Periode periode(String du, String au, Map<String, String> erreurs) {
        SurveillanceNoms.Periode defaut = surveillance.periodeParDefaut();
        LocalDate debut = date(du, "du", defaut.du(), erreurs);
        LocalDate fin = date(au, "au", defaut.au(), erreurs);
        if (erreurs.isEmpty() && debut.isAfter(fin)) {
            erreurs.put("au", "La fin de la période doit suivre son début.");
        } else if (erreurs.isEmpty() && debut.isBefore(fin.minusYears(ANNEES_MAXIMUM))) {
            erreurs.put("du", "La période couvre " + ANNEES_MAXIMUM + " ans au plus.");
        }
        return erreurs.isEmpty() ? new SurveillanceNoms.Periode(debut, fin) : defaut;
    }

    private SurveillanceNoms.Periode periodeValide(String du, String au) {
        Map<String, String> erreurs = new LinkedHashMap<>();
        SurveillanceNoms.Periode p = periode(du, au, erreurs);
        if (!erreurs.isEmpty()) {
            throw new fr.sne.tenants.web.Refus(HttpStatus.BAD_REQUEST, "Période invalide : " + String.join(" ", erreurs.values()));
        }
        return p;
    }

    private static LocalDate date(String saisie, String champ, LocalDate defaut, Map<String, String> erreurs) {
        if (saisie == null || saisie.isBlank()) {
            return defaut;
        }
        try {
            return LocalDate.parse(saisie.strip());
        } catch (DateTimeParseException e) {
            erreurs.put(champ, "Date invalide : utilisez le sélecteur de date (jj/mm/aaaa).");
            return defaut;
        }
    }

    /** 2.5 → "2,5"; 3.0 → "3". */
    static String nombre(double d) {
        double arrondi = Math.round(d * 10) / 10.0;
        return arrondi == Math.rint(arrondi) ? Long.toString((long) arrondi) : String.format(Locale.FRANCE, "%.1f", arrondi);
    }
}
