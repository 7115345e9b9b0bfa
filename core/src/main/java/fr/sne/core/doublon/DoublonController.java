package fr.sne.core.doublon;

import fr.sne.tenants.guichet.Annuaire;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoires;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The professionals' duplicate search page: birth name, first names and birth date in, scored
 * candidates out. The form is posted (names stay out of URLs, histories and access logs).
 */
@Controller("/pro/demandes/doublons")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class DoublonController {

    private final RechercheDoublons recherche;
    private final DoublonPolicy policy;
    private final Territoires territoires;
    private final Annuaire annuaire;
    private final TenantTransactions transactions;

    DoublonController(RechercheDoublons recherche, DoublonPolicy policy, Territoires territoires, Annuaire annuaire,
                      TenantTransactions transactions) {
        this.recherche = recherche;
        this.policy = policy;
        this.territoires = territoires;
        this.annuaire = annuaire;
        this.transactions = transactions;
    }

    @Get
    ModelAndView<Map<String, Object>> formulaire(HttpRequest<?> request) {
        Actor.Professionnel actor = Acces.professionnel(request);
        autoriser(actor);
        return page(actor, Map.of(), Map.of(), null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> chercher(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        autoriser(actor);
        Formulaire f = new Formulaire();
        String nom = Formulaire.texte(form.get("nomNaissance"));
        String prenoms = Formulaire.texte(form.get("prenoms"));
        String date = Formulaire.texte(form.get("dateNaissance"));
        String territoire = Formulaire.texte(form.get("territoire"));
        if (nom == null) {
            f.erreur("nomNaissance", "Indiquez le nom de naissance.");
        } else if (nom.length() > 100) {
            f.erreur("nomNaissance", "Le nom de naissance compte au plus 100 caractères.");
        }
        if (prenoms == null) {
            f.erreur("prenoms", "Indiquez le ou les prénoms.");
        } else if (prenoms.length() > 100) {
            f.erreur("prenoms", "Les prénoms comptent au plus 100 caractères.");
        }
        LocalDate naissance = null;
        if (date == null) {
            f.erreur("dateNaissance", "Indiquez la date de naissance.");
        } else {
            try {
                naissance = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                f.erreur("dateNaissance", "La date de naissance doit être une date existante, au format jj/mm/aaaa.");
            }
        }
        boolean national = national(actor);
        if (national && (territoire == null || !territoire.matches("[0-9]{3}"))) {
            f.erreur("territoire", "Choisissez le territoire où chercher.");
        }
        Map<String, String> saisie = new HashMap<>();
        form.forEach((k, v) -> {
            if (!"csrfToken".equals(k)) {
                saisie.put(k, v);
            }
        });
        if (!f.valide()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(actor, saisie, f.erreurs(), null));
        }
        List<Candidat> candidats = recherche.rechercher(actor, national ? territoire : null, nom, prenoms, naissance);
        return HttpResponse.ok(page(actor, saisie, Map.of(), candidats));
    }

    private void autoriser(Actor.Professionnel actor) {
        var h = Perimetre.habilitation(actor);
        Acces.exiger(policy.decider(actor, h.map(x -> x.territoire()).orElse(null)));
    }

    private static boolean national(Actor.Professionnel actor) {
        return Perimetre.habilitation(actor).map(h -> h.scope().national()).orElse(false);
    }

    private ModelAndView<Map<String, Object>> page(Actor.Professionnel actor, Map<String, String> saisie,
                                                   Map<String, String> erreurs, List<Candidat> candidats) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("candidats", candidats);
        boolean national = national(actor);
        model.put("choixTerritoire", national);
        if (national) {
            model.put("territoires", transactions.withoutScope(territoires::lister));
        }
        if (candidats != null && !candidats.isEmpty()) {
            Map<String, String> noms = transactions.withoutScope(annuaire::guichetsActifs).stream()
                    .collect(Collectors.toMap(Annuaire.Entree::code, Annuaire.Entree::getLibelle, (a, b) -> a));
            model.put("guichets", noms);
        }
        return new ModelAndView<>("pro/demandes/doublons", model);
    }
}
