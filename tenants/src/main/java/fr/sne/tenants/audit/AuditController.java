package fr.sne.tenants.audit;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit trail's search page and CSV export. */
@Controller("/pro/admin/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditService service;

    AuditController(AuditService service) {
        this.service = service;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Map<String, String> params = params(request);
        Map<String, String> erreurs = new LinkedHashMap<>();
        FiltreAudit filtre = FiltreAudit.de(params, erreurs);
        List<EntreeAudit> entrees = service.rechercher(actor, filtre);
        Map<String, Object> model = Pages.admin("audit");
        model.put("entrees", entrees);
        model.put("limite", AuditService.LIMITE_PAGE);
        model.put("saisie", params);
        model.put("erreurs", erreurs);
        model.put("actions", Arrays.stream(TypeAction.values()).map(Enum::name).toList());
        model.put("requete", request.getUri().getRawQuery() == null ? "" : request.getUri().getRawQuery());
        return new ModelAndView<>("admin/audit", model);
    }

    @Get("/export.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> export(HttpRequest<?> request) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Map<String, String> erreurs = new LinkedHashMap<>();
        List<EntreeAudit> entrees = service.exporter(actor, FiltreAudit.de(params(request), erreurs));
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("horodatage;territoire;acteur;profil;guichet;action;objet;identifiant;avant;apres;requete\r\n");
        for (EntreeAudit e : entrees) {
            csv.append(String.join(";", cell(e.getHorodatageTexte()), cell(e.territoire()), cell(e.acteur()), cell(e.profil()),
                    cell(e.guichet()), cell(e.action()), cell(e.objetType()), cell(e.objetId()), cell(e.avant()),
                    cell(e.apres()), cell(e.requestId()))).append("\r\n");
        }
        return HttpResponse.ok(csv.toString().getBytes(StandardCharsets.UTF_8))
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"journal-audit.csv\"");
    }

    private static Map<String, String> params(HttpRequest<?> request) {
        Map<String, String> params = new HashMap<>();
        for (String name : List.of("du", "au", "action", "objet", "acteur")) {
            request.getParameters().getFirst(name).ifPresent(v -> params.put(name, v));
        }
        return params;
    }

    /** A CSV cell: quoted, quotes doubled, and formula-looking values neutralised for spreadsheets. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
