package fr.sne.tenants.territoire;

import fr.sne.tenants.web.Refus;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.geographie.Geographie;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Pages;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Unicite;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Territories: their settings are changed by national administrators; a territorial manager
 * opens or closes the regulatory events of their territory on the portal.
 */
@Controller("/pro/admin/territoires")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class TerritoireController {

    private final Territoires territoires;
    private final TerritoirePolicy policy;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Geographie geographie;

    TerritoireController(Territoires territoires, TerritoirePolicy policy, TenantTransactions transactions, AuditTrail audit,
                         Geographie geographie) {
        this.geographie = geographie;
        this.territoires = territoires;
        this.policy = policy;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        List<Territoire> visibles = transactions.withoutScope(territoires::lister).stream()
                .filter(t -> policy.decider(actor, ActionTerritoire.CONSULTER, t.code()).autorisee()).toList();
        Map<String, Object> model = Pages.admin("territoires");
        model.put("territoires", visibles);
        model.put("message", "modifie".equals(message) ? "Le territoire a été modifié."
                : "cree".equals(message) ? "Le territoire a été créé." : null);
        model.put("peutCreer", policy.decider(actor, ActionTerritoire.MODIFIER, null).autorisee());
        return new ModelAndView<>("admin/territoires/liste", model);
    }

    @Get("/nouveau")
    ModelAndView<Map<String, Object>> nouveau(HttpRequest<?> request) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Acces.exiger(policy.decider(actor, ActionTerritoire.MODIFIER, null));
        return creation(Map.of("mode", "SNE", "delai", "12", "evenementsVisibles", "true"), Map.of());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creer(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Acces.exiger(policy.decider(actor, ActionTerritoire.MODIFIER, null));
        Formulaire f = new Formulaire();
        String code = Formulaire.texte(form.get("code"));
        String nom = Formulaire.texte(form.get("nom"));
        if (code == null || !code.matches("\\d{3}")) {
            f.erreur("code", "Le code du territoire compte 3 chiffres (ex. 038, ou 111 pour l’Île-de-France).");
        } else if (transactions.withoutScope(() -> territoires.trouver(code)).isPresent()) {
            f.erreur("code", "Le territoire " + code + " existe déjà.");
        }
        if (nom == null || nom.length() > 200) {
            f.erreur("nom", "Indiquez le nom du territoire (200 caractères au plus).");
        }
        String mode = form.get("mode");
        int delai = valider(form, f);
        List<String> departements = java.util.Arrays.stream(form.getOrDefault("departements", "").split("[\\s,;]+"))
                .filter(d -> !d.isBlank()).map(String::strip).distinct().toList();
        if (departements.isEmpty()) {
            f.erreur("departements", "Indiquez au moins un département (ex. 38, ou 75, 77, 78, 91, 92, 93, 94, 95).");
        }
        for (String d : departements) {
            if (transactions.withoutScope(() -> geographie.departement(d)).isEmpty()) {
                f.erreur("departements", "Département inconnu : " + d + ".");
            } else {
                transactions.withoutScope(() -> territoires.territoireDuDepartement(d)).ifPresent(t ->
                        f.erreur("departements", "Le département " + d + " appartient déjà au territoire " + t + "."));
            }
        }
        if (!f.valide()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(creation(form, f.erreurs()));
        }
        boolean visibles = "true".equals(form.get("evenementsVisibles"));
        try {
            creerTerritoire(actor, code, nom, mode, delai, departements, visibles);
        } catch (RuntimeException e) {
            if (!Unicite.violee(e)) {
                throw e;
            }
            // a concurrent creation took the code or a département a moment ago
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(creation(form,
                    Map.of("code", "Ce territoire ou l’un de ses départements vient d’être enregistré : rechargez la liste.")));
        }
        return HttpResponse.seeOther(URI.create("/pro/admin/territoires?message=cree"));
    }

    private void creerTerritoire(Actor actor, String code, String nom, String mode, int delai, List<String> departements,
                                 boolean visibles) {
        transactions.withoutScope(() -> {
            territoires.creer(code, nom, mode, delai, departements);
            territoires.modifier(code, mode, delai, visibles);
            audit.changement(actor, TypeAction.CREATION, code, "TERRITOIRE", code, null,
                    Map.of("nom", nom, "mode", mode, "delai", delai, "departements", departements));
            return null;
        });
    }

    @Get("/{code}")
    ModelAndView<Map<String, Object>> fiche(HttpRequest<?> request, @PathVariable String code) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Territoire t = trouver(code);
        Acces.exiger(policy.decider(actor, ActionTerritoire.OUVRIR_EVENEMENTS, code));
        return formulaire(actor, t, Map.of("mode", t.mode(), "delai", String.valueOf(t.delaiAnormalementLongMois()),
                "evenementsVisibles", String.valueOf(t.evenementsVisiblesDemandeur())), Map.of());
    }

    @Post("/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> modifier(HttpRequest<?> request, @PathVariable String code, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Territoire avant = trouver(code);
        Acces.exiger(policy.decider(actor, ActionTerritoire.OUVRIR_EVENEMENTS, code));
        if (!policy.decider(actor, ActionTerritoire.MODIFIER, code).autorisee()) {
            // a territorial manager: the portal's regulatory events only
            boolean ouverts = "true".equals(form.get("evenementsVisibles"));
            transactions.withoutScope(() -> {
                territoires.ouvrirEvenements(code, ouverts);
                audit.changement(actor, TypeAction.MODIFICATION, code, "TERRITOIRE", code,
                        Map.of("evenementsVisibles", avant.evenementsVisiblesDemandeur()), Map.of("evenementsVisibles", ouverts));
                return null;
            });
            return HttpResponse.seeOther(URI.create("/pro/admin/territoires?message=modifie"));
        }
        Formulaire f = new Formulaire();
        String mode = form.get("mode");
        int delai = valider(form, f);
        if (!f.valide()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(formulaire(actor, avant, form, f.erreurs()));
        }
        boolean visibles = "true".equals(form.get("evenementsVisibles"));
        int d = delai;
        transactions.withoutScope(() -> {
            territoires.modifier(code, mode, d, visibles);
            audit.changement(actor, TypeAction.MODIFICATION, code, "TERRITOIRE", code,
                    Map.of("mode", avant.mode(), "delai", avant.delaiAnormalementLongMois(),
                            "evenementsVisibles", avant.evenementsVisiblesDemandeur()),
                    Map.of("mode", mode, "delai", d, "evenementsVisibles", visibles));
            return null;
        });
        return HttpResponse.seeOther(URI.create("/pro/admin/territoires?message=modifie"));
    }

    /** Mode and delay, common to creation and change; returns the delay (-1 when invalid). */
    private static int valider(Map<String, String> form, Formulaire f) {
        String mode = form.get("mode");
        if (!"SNE".equals(mode) && !"SPTA".equals(mode)) {
            f.erreur("mode", "Choisissez le mode du territoire : SNE ou SPTA.");
        }
        int delai = -1;
        try {
            delai = Integer.parseInt(form.getOrDefault("delai", "").strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (delai < 1 || delai > 120) {
            f.erreur("delai", "Le délai anormalement long est un nombre de mois entre 1 et 120.");
        }
        return delai;
    }

    private ModelAndView<Map<String, Object>> creation(Map<String, String> saisie, Map<String, String> erreurs) {
        Map<String, Object> model = Pages.admin("territoires");
        model.put("territoire", null);
        model.put("seulementEvenements", false);
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        return new ModelAndView<>("admin/territoires/formulaire", model);
    }


    private Territoire trouver(String code) {
        return transactions.withoutScope(() -> territoires.trouver(code))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Territoire introuvable"));
    }

    private ModelAndView<Map<String, Object>> formulaire(Actor actor, Territoire t, Map<String, String> saisie,
                                                         Map<String, String> erreurs) {
        Map<String, Object> model = Pages.admin("territoires");
        model.put("territoire", t);
        // a territorial manager sees mode and delay, and changes only the portal's regulatory events
        model.put("seulementEvenements", !policy.decider(actor, ActionTerritoire.MODIFIER, t.code()).autorisee());
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        return new ModelAndView<>("admin/territoires/formulaire", model);
    }

}
