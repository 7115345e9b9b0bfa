package fr.sne.tenants.habilitation;

import fr.sne.tenants.web.Refus;
import fr.sne.tenants.guichet.Annuaire;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Pages;
import fr.sne.tenants.web.Formulaire;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Requesting a habilitation; certification, suspension, revocation; review campaign; users. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class HabilitationController {

    private static final Set<String> STATUTS = Set.of("DEMANDEE", "ACTIVE", "SUSPENDUE", "REVOQUEE");

    private final HabilitationService service;
    private final HabilitationPolicy policy;
    private final Annuaire annuaire;
    private final TenantTransactions transactions;

    HabilitationController(HabilitationService service, HabilitationPolicy policy, Annuaire annuaire,
                           TenantTransactions transactions) {
        this.service = service;
        this.policy = policy;
        this.annuaire = annuaire;
        this.transactions = transactions;
    }

    @Get("/pro/habilitations/demande")
    ModelAndView<Map<String, Object>> formulaireDemande(HttpRequest<?> request, @Nullable @QueryValue String envoyee) {
        Acces.professionnel(request);
        ModelAndView<Map<String, Object>> page = demande(Map.of(), Map.of());
        page.getModel().ifPresent(m -> m.put("envoyee", envoyee != null));
        return page;
    }

    @Post("/pro/habilitations/demande")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> demander(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        try {
            service.demander(actor, Formulaire.texte(form.get("guichet")), Formulaire.texte(form.get("profil")), Formulaire.texte(form.get("motif")));
            return HttpResponse.seeOther(URI.create("/pro/habilitations/demande?envoyee=1"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(demande(form, e.erreurs()));
        }
    }

    @Get("/pro/admin/habilitations")
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue String statut,
                                            @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        String filtre = statut != null && STATUTS.contains(statut) ? statut : null;
        Map<String, Object> model = Pages.admin("habilitations");
        model.put("habilitations", service.lister(actor, filtre));
        model.put("statut", filtre);
        model.put("peutGerer", peut(actor, ActionHabilitation.CERTIFIER));
        model.put("message", message == null ? null : switch (message) {
            case "certifier" -> "L’habilitation a été certifiée.";
            case "refuser" -> "La demande a été refusée.";
            case "suspendre" -> "L’habilitation a été suspendue.";
            case "reactiver" -> "L’habilitation a été réactivée.";
            case "revoquer" -> "L’habilitation a été révoquée.";
            default -> null;
        });
        return new ModelAndView<>("admin/habilitations/liste", model);
    }

    @Post("/pro/admin/habilitations/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> agir(HttpRequest<?> request, @PathVariable long id, @PathVariable String action,
                         @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        switch (action) {
            case "certifier" -> service.certifier(actor, id);
            case "refuser" -> service.refuser(actor, id);
            case "suspendre" -> service.suspendre(actor, id);
            case "reactiver" -> service.reactiver(actor, id);
            case "revoquer" -> service.revoquer(actor, id);
            default -> throw new Refus(HttpStatus.NOT_FOUND, "Action inconnue");
        }
        return HttpResponse.seeOther(URI.create("/pro/admin/habilitations?message=" + action));
    }

    @Get("/pro/admin/revue")
    ModelAndView<Map<String, Object>> revue(HttpRequest<?> request, @Nullable @QueryValue Integer traitees) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Acces.exiger(policy.decider(actor, ActionHabilitation.REVUE, territoire(actor)));
        // one read (and one audit row) for the active and suspended habilitations under review
        List<FicheHabilitation> list = service.lister(actor, null).stream()
                .filter(h -> h.statut().equals("ACTIVE") || h.statut().equals("SUSPENDUE")).toList();
        Map<String, Object> model = Pages.admin("revue");
        model.put("habilitations", list);
        model.put("message", traitees == null ? null : traitees + " habilitation(s) traitée(s).");
        return new ModelAndView<>("admin/habilitations/revue", model);
    }

    @Post("/pro/admin/revue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reviser(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor.Professionnel actor = Acces.professionnel(request);
        List<Long> ids = form.keySet().stream().filter(k -> k.startsWith("h-")).map(k -> k.substring(2))
                .filter(k -> k.matches("\\d{1,18}")).map(Long::valueOf).toList();
        String decision = form.get("decision");
        int traitees = switch (decision == null ? "" : decision) {
            case "confirmer" -> service.revue(actor, ids, List.of());
            case "revoquer" -> service.revue(actor, List.of(), ids);
            default -> throw new Refus(HttpStatus.BAD_REQUEST, "Décision inconnue");
        };
        return HttpResponse.seeOther(URI.create("/pro/admin/revue?traitees=" + traitees));
    }

    @Get("/pro/admin/utilisateurs")
    ModelAndView<Map<String, Object>> utilisateurs(HttpRequest<?> request) {
        Actor.Professionnel actor = Acces.professionnel(request);
        Map<Long, List<FicheHabilitation>> parUtilisateur = new LinkedHashMap<>();
        service.lister(actor, null).stream()
                .sorted(java.util.Comparator.comparing(FicheHabilitation::titulaire))
                .forEach(h -> parUtilisateur.computeIfAbsent(h.utilisateurId(), k -> new ArrayList<>()).add(h));
        Map<String, Object> model = Pages.admin("utilisateurs");
        model.put("utilisateurs", parUtilisateur.values());
        return new ModelAndView<>("admin/utilisateurs", model);
    }

    private ModelAndView<Map<String, Object>> demande(Map<String, String> saisie, Map<String, String> erreurs) {
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "pro");
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("guichets", transactions.withoutScope(annuaire::guichetsActifs));
        model.put("profils", HabilitationService.PROFILS_GUICHET);
        model.put("envoyee", false);
        return new ModelAndView<>("pro/demande-habilitation", model);
    }

    private boolean peut(Actor actor, ActionHabilitation action) {
        return policy.decider(actor, action, territoire(actor)).autorisee();
    }

    private static String territoire(Actor actor) {
        return Perimetre.habilitation(actor).map(h -> h.territoire()).orElse(null);
    }

}
