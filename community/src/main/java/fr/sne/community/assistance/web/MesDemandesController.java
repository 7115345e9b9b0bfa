package fr.sne.community.assistance.web;

import fr.sne.community.assistance.ApplicationAssistee;
import fr.sne.community.assistance.AssistancePolicy;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.SaisieTicket;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.Ticket;
import fr.sne.community.assistance.TicketRepository;
import fr.sne.community.assistance.equipe.EquipeRepository;
import fr.sne.community.assistance.recherche.Suggestions;
import fr.sne.community.assistance.type.Champ;
import fr.sne.community.assistance.type.TypeAssistance;
import fr.sne.community.assistance.type.TypesAssistance;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Pagination;
import fr.sne.tenants.web.ProtectionCsrf;
import fr.sne.tenants.web.Refus;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Mes demandes" (the tickets I filed, my organisation's and my teams', resolved and closed ones
 * included unless filtered out), filing a ticket with its type's fields and the suggestions shown
 * under the summary, and "Ma question est résolue" (a deflection).
 */
@Controller("/assistance")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class MesDemandesController {

    static final int PAR_PAGE = 20;
    /** A full-text search lists at most this many best matches. */
    static final int RECHERCHE_MAX = 200;

    private final DemandesAssistance demandes;
    private final TypesAssistance types;
    private final EquipeRepository equipes;
    private final Suggestions suggestions;
    private final TenantTransactions transactions;

    MesDemandesController(DemandesAssistance demandes, TypesAssistance types, EquipeRepository equipes, Suggestions suggestions,
                          TenantTransactions transactions) {
        this.demandes = demandes;
        this.types = types;
        this.equipes = equipes;
        this.suggestions = suggestions;
        this.transactions = transactions;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue List<String> statut,
                                            @Nullable @QueryValue String type, @Nullable @QueryValue String application,
                                            @Nullable @QueryValue String du, @Nullable @QueryValue String au,
                                            @Nullable @QueryValue String portee, @Nullable @QueryValue String q,
                                            @Nullable @QueryValue Integer page, @Nullable @QueryValue String message) {
        Actor actor = Actors.of(request);
        exigerPro(actor);
        Map<String, String> erreurs = new LinkedHashMap<>();
        Set<StatutTicket> statuts = EnumSet.noneOf(StatutTicket.class);
        for (String s : statut == null ? List.<String>of() : statut) {
            StatutTicket st = StatutTicket.parCode(s);
            if (st != null) {
                statuts.add(st);
            }
        }
        List<TypeAssistance> tous = types.actifs();
        Long typeId = PagesAssistance.entier(type);
        ApplicationAssistee app = ApplicationAssistee.parCode(application);
        LocalDate depuis = date(du, "du", erreurs);
        LocalDate jusque = date(au, "au", erreurs);
        if (depuis != null && jusque != null && jusque.isBefore(depuis)) {
            erreurs.put("au", "La date de fin doit suivre la date de début.");
            jusque = null;
        }
        boolean agent = AssistancePolicy.agent(actor);
        if (portee == null && agent && (q == null || q.isBlank())) {
            // agents see every ticket (their queue is /assistance/file): their own list starts with theirs, a search covers all
            portee = "miennes";
        }
        TicketRepository.Portee p = switch (portee == null ? "" : portee) {
            case "miennes" -> TicketRepository.Portee.MIENNES;
            case "organisation" -> TicketRepository.Portee.ORGANISATION;
            case "equipes" -> TicketRepository.Portee.EQUIPES;
            default -> TicketRepository.Portee.TOUTES;
        };
        String porteeSaisie = portee;
        String texte = Formulaire.texte(q);
        List<Long> ids = texte == null ? null : suggestions.tickets(actor, texte, RECHERCHE_MAX);
        TicketRepository.Page resultat = demandes.lister(actor, new TicketRepository.Criteres(statuts, typeId, app, null, depuis, jusque,
                p, ids, null), page == null ? 1 : page, PAR_PAGE);
        Map<String, Object> model = PagesAssistance.modele();
        model.put("page", resultat);
        model.put("erreurs", erreurs);
        model.put("typesParApplication", PagesAssistance.typesParApplication(tous));
        Map<String, Object> saisie = new HashMap<>();
        saisie.put("statuts", statuts.stream().map(Enum::name).toList());
        saisie.put("type", typeId == null ? "" : typeId.toString());
        saisie.put("application", app == null ? "" : app.name());
        saisie.put("du", du == null ? "" : du);
        saisie.put("au", au == null ? "" : au);
        saisie.put("portee", porteeSaisie == null ? "toutes" : porteeSaisie);
        saisie.put("q", q == null ? "" : q);
        model.put("saisie", saisie);
        StringBuilder base = new StringBuilder("/assistance?");
        statuts.forEach(s -> base.append("statut=").append(s.name()).append('&'));
        for (String[] kv : new String[][]{{"type", type}, {"application", application}, {"du", du}, {"au", au}, {"portee", porteeSaisie}, {"q", q}}) {
            if (kv[1] != null && !kv[1].isBlank()) {
                base.append(kv[0]).append('=').append(PagesAssistance.encoder(kv[1])).append('&');
            }
        }
        model.put("pagination", Pagination.de(resultat.page(), resultat.pages(), n -> base + "page=" + n));
        model.put("agent", AssistancePolicy.agent(actor));
        model.put("administrateur", AssistancePolicy.administrateur(actor));
        model.put("message", "deflexion".equals(message) ? "Merci : nous sommes heureux que votre question soit résolue." : null);
        return new ModelAndView<>("assistance/liste", model);
    }

    @Get("/nouvelle")
    ModelAndView<Map<String, Object>> nouvelle(HttpRequest<?> request, @Nullable @QueryValue String type,
                                               @Nullable @QueryValue String resume) {
        Actor actor = Actors.of(request);
        exigerPro(actor);
        Map<String, String> saisie = new HashMap<>();
        saisie.put("type", type == null ? "" : type);
        saisie.put("resume", resume == null ? "" : resume);
        saisie.put("priorite", "NORMALE");
        saisie.put("partageOrganisation", "true");
        Long defaut = transactions.inScope(Scope.nationalReadOnly(), () -> equipes.equipeParDefaut(((Actor.Professionnel) actor).utilisateurId()))
                .orElse(null);
        return formulaire(actor, saisie, defaut == null ? Set.of() : Set.of(defaut), Map.of(), resume);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> creer(HttpRequest<?> request, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        exigerPro(actor);
        Map<String, String> champs = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("champ_")) {
                champs.put(k.substring("champ_".length()), PagesAssistance.premier(form, k));
            }
        });
        Set<Long> equipesChoisies = new HashSet<>();
        PagesAssistance.tous(form, "equipes").forEach(e -> {
            Long id = PagesAssistance.entier(e);
            if (id != null) {
                equipesChoisies.add(id);
            }
        });
        String type = PagesAssistance.premier(form, "type");
        String resume = PagesAssistance.premier(form, "resume");
        boolean organisation = "true".equals(PagesAssistance.premier(form, "partageOrganisation"));
        if ("suggestions".equals(PagesAssistance.premier(form, "action"))) {
            // without script: the button shows the suggestions for the summary typed, the form kept
            return HttpResponse.ok(formulaire(actor, saisie(form, champs, organisation), equipesChoisies, Map.of(), resume));
        }
        SaisieTicket saisie = new SaisieTicket(type, PagesAssistance.premier(form, "priorite"), resume,
                PagesAssistance.premier(form, "description"), champs, organisation, equipesChoisies);
        try {
            Ticket t = demandes.creer(actor, saisie);
            return HttpResponse.seeOther(URI.create(t.url() + "?message=creee"));
        } catch (Formulaire.Invalide e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(formulaire(actor, saisie(form, champs, organisation), equipesChoisies, e.erreurs(), null));
        }
    }

    /** The suggestions under the summary, as an HTML fragment (fetched by the page's script). */
    @Get("/suggestions")
    ModelAndView<Map<String, Object>> suggestions(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String type) {
        Actor actor = Actors.of(request);
        exigerPro(actor);
        Map<String, Object> model = new HashMap<>();
        model.put("suggestions", suggestions.pour(actor, q));
        model.put("resumeSaisi", q == null ? "" : q);
        model.put("typeSaisi", type == null ? "" : type);
        return new ModelAndView<>("assistance/suggestions", model);
    }

    /** "Ma question est résolue": counted, then on to the answer (or back to the list). */
    @Post("/deflexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deflexion(HttpRequest<?> request, @Body Map<String, Object> form) {
        Actor actor = Actors.of(request);
        String url = PagesAssistance.premier(form, "url");
        demandes.deflexion(actor, PagesAssistance.premier(form, "type"), PagesAssistance.premier(form, "resume"), url);
        boolean interne = url != null && url.startsWith("/") && !url.startsWith("//");
        return HttpResponse.seeOther(URI.create(interne ? url : "/assistance?message=deflexion"));
    }

    private ModelAndView<Map<String, Object>> formulaire(Actor actor, Map<String, String> saisie, Set<Long> equipesCochees,
                                                        Map<String, String> erreurs, String resumePourSuggestions) {
        Actor.Professionnel p = (Actor.Professionnel) actor;
        List<TypeAssistance> tous = types.actifs();
        Long typeId = PagesAssistance.entier(saisie.get("type"));
        TypeAssistance type = typeId == null ? null : tous.stream().filter(t -> t.id() == typeId).findFirst().orElse(null);
        Map<String, Object> model = PagesAssistance.modele();
        model.put("typesParApplication", PagesAssistance.typesParApplication(tous));
        model.put("type", type);
        model.put("champs", type == null ? List.<Champ>of() : type.champs());
        model.put("saisie", saisie);
        model.put("erreurs", erreurs);
        model.put("equipes", transactions.inScope(Scope.nationalReadOnly(), () -> equipes.de(p.utilisateurId())));
        model.put("equipesCochees", equipesCochees.stream().map(String::valueOf).toList());
        model.put("organisation", AssistancePolicy.organisationActive(actor).orElse(null));
        model.put("suggestions", resumePourSuggestions == null ? null : suggestions.pour(actor, resumePourSuggestions));
        model.put("resumeSaisi", saisie.getOrDefault("resume", ""));
        model.put("typeSaisi", saisie.getOrDefault("type", ""));
        return new ModelAndView<>("assistance/nouvelle", model);
    }

    private static Map<String, String> saisie(Map<String, Object> form, Map<String, String> champs, boolean organisation) {
        Map<String, String> saisie = new HashMap<>();
        for (String k : List.of("type", "priorite", "resume", "description")) {
            String v = PagesAssistance.premier(form, k);
            saisie.put(k, v == null ? "" : v);
        }
        champs.forEach((k, v) -> saisie.put("champ_" + k, v == null ? "" : v));
        saisie.put("partageOrganisation", Boolean.toString(organisation));
        return saisie;
    }

    private static LocalDate date(String s, String champ, Map<String, String> erreurs) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            erreurs.put(champ, "Saisissez une date valide, par exemple 2026-03-31.");
            return null;
        }
    }

    static void exigerPro(Actor actor) {
        if (!AssistancePolicy.creer(actor).autorisee()) {
            throw new Refus(HttpStatus.FORBIDDEN, "L’assistance est réservée aux professionnels habilités : choisissez votre habilitation.");
        }
    }

}
