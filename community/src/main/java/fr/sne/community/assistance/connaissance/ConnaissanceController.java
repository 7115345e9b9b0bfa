package fr.sne.community.assistance.connaissance;

import fr.sne.community.info.Article;
import fr.sne.community.info.RedactionService;
import fr.sne.community.info.Theme;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.ProtectionCsrf;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Agents' pages turning a resolved ticket into a knowledge-base article: proposal, draft review, publication. */
@Controller("/assistance")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ConnaissanceController {

    private final BaseConnaissance base;
    private final RedactionService redaction;

    ConnaissanceController(BaseConnaissance base, RedactionService redaction) {
        this.base = base;
        this.redaction = redaction;
    }

    @Get("/{cle}/article")
    ModelAndView<Map<String, Object>> proposition(HttpRequest<?> request, @PathVariable String cle) {
        Actor.Professionnel actor = Acces.professionnel(request);
        BaseConnaissance.Proposition p = base.proposer(actor, cle);
        return vue(p, p.titre().texte(), p.type().name(), p.themes().stream().map(Theme::name).toList(), p.corps().texte(), Map.of());
    }

    @Post("/{cle}/article")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enregistrer(HttpRequest<?> request, @PathVariable String cle, @Body Map<String, Object> corpsForm) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Map<String, List<String>> form = valeurs(corpsForm);
        String titre = un(form, "titre");
        String type = un(form, "type");
        List<String> themes = form.getOrDefault("themes", List.of());
        String corps = un(form, "corps") == null ? "" : un(form, "corps").replace("\r\n", "\n");
        try {
            Article a = base.enregistrer(actor, cle, titre, type, themes, corps);
            return HttpResponse.seeOther(URI.create("/assistance/articles/" + a.id()));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(vue(base.proposer(actor, cle), titre, type, themes, corps, e.erreurs()));
        }
    }

    @Get("/articles/{id}")
    ModelAndView<Map<String, Object>> brouillon(HttpRequest<?> request, @PathVariable long id) {
        Article a = base.brouillon(Acces.professionnel(request), id);
        Map<String, Object> model = new HashMap<>();
        model.put("article", a);
        model.put("apercu", redaction.apercu(a.corpsMarkdown()));
        return new ModelAndView<>("assistance/article-brouillon", model);
    }

    @Post("/articles/{id}/publication")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publier(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        base.publier(Acces.professionnel(request), id);
        return HttpResponse.seeOther(URI.create("/assistance/articles/" + id));
    }

    private static ModelAndView<Map<String, Object>> vue(BaseConnaissance.Proposition p, String titre, String type, List<String> themes,
                                                         String corps, Map<String, String> erreurs) {
        Map<String, Object> model = new HashMap<>();
        model.put("proposition", p);
        model.put("ticket", p.ticket());
        model.put("titre", titre);
        model.put("type", type);
        model.put("themesChoisis", themes);
        model.put("corps", corps);
        model.put("erreurs", erreurs);
        model.put("themes", Arrays.asList(Theme.values()));
        model.put("natures", Arrays.asList(Anonymisation.Nature.values()));
        return new ModelAndView<>("assistance/article-proposition", model);
    }

    private static Map<String, List<String>> valeurs(Map<String, Object> form) {
        Map<String, List<String>> valeurs = new HashMap<>();
        form.forEach((k, v) -> valeurs.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v))));
        return valeurs;
    }

    private static String un(Map<String, List<String>> form, String champ) {
        List<String> v = form.get(champ);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }
}
