package fr.sne.community.assistance.web;

import fr.sne.community.assistance.ApplicationAssistee;
import fr.sne.community.assistance.AssistancePolicy;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.ThemeAssistance;
import fr.sne.community.assistance.TicketRepository;
import fr.sne.community.assistance.sla.NiveauxDeService;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Pagination;
import fr.sne.tenants.web.Refus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agents' queues (by application and theme; active tickets by default) with each ticket's
 * service level, and their report (tickets filed and deflections over the last 30 days).
 */
@Controller("/assistance")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class FileController {

    private final DemandesAssistance demandes;
    private final NiveauxDeService niveaux;
    private final TicketRepository tickets;
    private final TenantTransactions transactions;
    private final Clock clock;

    FileController(DemandesAssistance demandes, NiveauxDeService niveaux, TicketRepository tickets, TenantTransactions transactions,
                   Clock clock) {
        this.demandes = demandes;
        this.niveaux = niveaux;
        this.tickets = tickets;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Get("/file")
    ModelAndView<Map<String, Object>> file(HttpRequest<?> request, @Nullable @QueryValue String application,
                                           @Nullable @QueryValue String theme, @Nullable @QueryValue List<String> statut,
                                           @Nullable @QueryValue String agent, @Nullable @QueryValue Integer page) {
        Actor actor = Actors.of(request);
        exigerAgent(actor);
        ApplicationAssistee app = ApplicationAssistee.parCode(application);
        ThemeAssistance th = ThemeAssistance.parCode(theme);
        Set<StatutTicket> statuts = EnumSet.noneOf(StatutTicket.class);
        (statut == null ? List.<String>of() : statut).forEach(s -> {
            StatutTicket st = StatutTicket.parCode(s);
            if (st != null) {
                statuts.add(st);
            }
        });
        boolean parDefaut = statut == null;
        if (parDefaut) {
            // a queue is the work to do: active tickets unless other statuses are asked for
            statuts.addAll(List.of(StatutTicket.OUVERT, StatutTicket.EN_COURS, StatutTicket.EN_ATTENTE_DEMANDEUR));
        }
        Long agentId = switch (agent == null ? "" : agent) {
            case "moi" -> ((Actor.Professionnel) actor).utilisateurId();
            case "personne" -> 0L;
            default -> null;
        };
        TicketRepository.Page resultat = demandes.lister(actor, new TicketRepository.Criteres(statuts, null, app, th, null, null, null,
                null, agentId), page == null ? 1 : page, 50);
        Map<String, Object> model = PagesAssistance.modele();
        model.put("page", resultat);
        model.put("sla", niveaux.etats(resultat.tickets()));
        Map<String, Object> saisie = new HashMap<>();
        saisie.put("application", app == null ? "" : app.name());
        saisie.put("theme", th == null ? "" : th.name());
        saisie.put("statuts", statuts.stream().map(Enum::name).toList());
        saisie.put("agent", agent == null ? "" : agent);
        model.put("saisie", saisie);
        StringBuilder base = new StringBuilder("/assistance/file?");
        statuts.forEach(s -> base.append("statut=").append(s.name()).append('&'));
        if (app != null) {
            base.append("application=").append(app.name()).append('&');
        }
        if (th != null) {
            base.append("theme=").append(th.name()).append('&');
        }
        if (agent != null && !agent.isBlank()) {
            base.append("agent=").append(PagesAssistance.encoder(agent)).append('&');
        }
        model.put("pagination", Pagination.de(resultat.page(), resultat.pages(), n -> base + "page=" + n));
        return new ModelAndView<>("assistance/file", model);
    }

    @Get("/rapport")
    ModelAndView<Map<String, Object>> rapport(HttpRequest<?> request) {
        Actor actor = Actors.of(request);
        exigerAgent(actor);
        Instant depuis = clock.instant().minus(Duration.ofDays(30));
        Map<String, Object> model = PagesAssistance.modele();
        model.put("creations", transactions.inScope(Scope.nationalReadOnly(), () -> tickets.creations(depuis)));
        model.put("deflexions", transactions.inScope(Scope.nationalReadOnly(), () -> tickets.deflexions(depuis)));
        return new ModelAndView<>("assistance/rapport", model);
    }

    private static void exigerAgent(Actor actor) {
        if (!AssistancePolicy.traiter(actor).autorisee()) {
            throw new Refus(HttpStatus.FORBIDDEN, "La file et le rapport sont réservés à l’assistance nationale.");
        }
    }
}
