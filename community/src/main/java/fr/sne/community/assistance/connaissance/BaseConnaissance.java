package fr.sne.community.assistance.connaissance;

import fr.sne.community.espace.Sql;
import fr.sne.community.assistance.ApplicationAssistee;
import fr.sne.community.assistance.AssistancePolicy;
import fr.sne.community.assistance.Commentaire;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.Participant;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.Ticket;
import fr.sne.community.info.Article;
import fr.sne.community.info.Audience;
import fr.sne.community.info.RedactionService;
import fr.sne.community.info.SaisieArticle;
import fr.sne.community.info.Statut;
import fr.sne.community.info.Theme;
import fr.sne.community.info.TypeContenu;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a resolved ticket into a knowledge-base article of the information site (a FAQ entry or
 * a guide, for signed-in professionals): the agent gets a proposal — the question (the ticket's
 * summary and description) and the answer (the public replies of the support team) — with the
 * personal data removed and the removals shown; the agent edits it and saves a draft, reviews the
 * draft, then publishes it. Published, it is an ordinary information-site article: indexed by the
 * search engine with its type (faq/guide) and theme (the ticket's application), so the tickets'
 * suggestions find it. The article names no one ("Équipe SNE") and carries no link to the ticket;
 * only the support team's table {@code article_assistance} remembers where it came from.
 * <p>
 * Permissions: agents (national support) only, on resolved or closed tickets ({@link AssistancePolicy#traiter}).
 * The information site's authoring policy does not know agents: the article is written on their
 * behalf by the platform ({@code Actor.Systeme}), and the agent is recorded in the audit trail.
 */
@Singleton
public class BaseConnaissance {

    static final String OBJET = "article_assistance";

    /** What the agent reviews before saving. */
    public record Proposition(Ticket ticket, Anonymisation.Resultat titre, Anonymisation.Resultat corps, TypeContenu type,
                              List<Theme> themes) {

        public int retraits() {
            return titre.retraits() + corps.retraits();
        }
    }

    private final DemandesAssistance demandes;
    private final RedactionService redaction;
    private final TenantTransactions transactions;
    private final Sql sql;
    private final AuditTrail audit;
    private final Clock clock;

    BaseConnaissance(DemandesAssistance demandes, RedactionService redaction, TenantTransactions transactions, Sql sql, AuditTrail audit,
                     Clock clock) {
        this.demandes = demandes;
        this.redaction = redaction;
        this.transactions = transactions;
        this.sql = sql;
        this.audit = audit;
        this.clock = clock;
    }

    /** The proposal for a resolved ticket (agents only; 404 for others, 409 when not resolved). */
    public Proposition proposer(Actor actor, String cle) {
        exigerAgent(actor);
        DemandesAssistance.Vue vue = demandes.consulter(actor, cle);
        Ticket t = vue.ticket();
        if (t.statut() != StatutTicket.RESOLU && t.statut() != StatutTicket.TERMINE) {
            throw new Refus(HttpStatus.CONFLICT, "Seule une demande résolue peut devenir un article : sa réponse doit être connue.");
        }
        Set<String> personnes = personnes(vue);
        StringBuilder corps = new StringBuilder("## Question\n\n").append(t.descriptionMarkdown().strip()).append("\n\n## Réponse\n\n");
        List<Commentaire> reponses = vue.commentaires().stream().filter(c -> c.publique() && c.auteurAgent()).toList();
        if (reponses.isEmpty()) {
            corps.append("_Rédigez ici la réponse._\n");
        }
        for (Commentaire c : reponses) {
            corps.append(c.corpsMarkdown().strip()).append("\n\n");
        }
        List<Theme> themes = theme(t.application()).map(List::of).orElse(List.of());
        return new Proposition(t, Anonymisation.anonymiser(t.resume(), personnes), Anonymisation.anonymiser(corps.toString().strip(), personnes),
                TypeContenu.FAQ, themes);
    }

    /**
     * Saves the agent's (edited) text as a draft article. The text is checked once more: personal
     * data left in it (an address typed back, a phone number) refuses the save, showing the proposal again.
     */
    public Article enregistrer(Actor actor, String cle, String titre, String type, List<String> themes, String corps) {
        Proposition p = proposer(actor, cle);
        Set<String> personnes = personnes(demandes.consulter(actor, cle));
        Formulaire erreurs = new Formulaire();
        TypeContenu ty = TypeContenu.parCode(type);
        if (ty != TypeContenu.FAQ && ty != TypeContenu.GUIDE) {
            erreurs.erreur("type", "Choisissez « Question fréquente » ou « Guide ».");
        }
        if (Anonymisation.anonymiser(titre, personnes).retraits() > 0) {
            erreurs.erreur("titre", "Le titre contient encore des données personnelles : retirez-les.");
        }
        if (Anonymisation.anonymiser(corps, personnes).retraits() > 0) {
            erreurs.erreur("corps", "Le texte contient encore des données personnelles (nom, adresse électronique, téléphone, NIR, "
                    + "numéro unique ou référence de la demande) : retirez-les.");
        }
        erreurs.verifier();
        SaisieArticle saisie = new SaisieArticle(titre, null, ty.name(), themes, Audience.PROFESSIONNELS.name(), null, false, corps,
                null, null, "maintenant", null, null);
        Article article = redaction.creer(systeme(actor), saisie, RedactionService.Action.BROUILLON);
        long agentId = ((Actor.Professionnel) actor).utilisateurId();
        Ticket t = p.ticket();
        transactions.inScope(Scope.nationalEcriture(), () -> {
            sql.maj("INSERT INTO article_assistance (ticket_id, article_id, agent_id, retraits, cree_le) VALUES (?, ?, ?, ?, ?)",
                    t.id(), article.id(), agentId, p.retraits(), clock.instant());
            audit.changement(actor, TypeAction.CREATION, t.territoire(), OBJET, t.cle(), null,
                    Map.of("article", article.id(), "retraits", p.retraits()));
            return null;
        });
        return article;
    }

    /** A draft drawn from a ticket, for the agent's review (404 for other articles). */
    public Article brouillon(Actor actor, long articleId) {
        exigerAgent(actor);
        origine(articleId);
        return redaction.consulter(systeme(actor), articleId);
    }

    /** Publishes a reviewed draft drawn from a ticket. */
    public Article publier(Actor actor, long articleId) {
        Article a = brouillon(actor, articleId);
        if (a.statut() == Statut.PUBLIE) {
            return a;
        }
        Article publie = redaction.modifier(systeme(actor), articleId, SaisieArticle.de(a), RedactionService.Action.PUBLIER);
        long ticketId = origine(articleId);
        Ticket t = demandes.parId(ticketId).orElseThrow();
        transactions.inScope(Scope.nationalEcriture(), () -> {
            audit.changement(actor, TypeAction.MODIFICATION, t.territoire(), OBJET, t.cle(), Map.of("statut", a.statut().name()),
                    Map.of("article", articleId, "statut", Statut.PUBLIE.name()));
            return null;
        });
        return publie;
    }

    /** The articles already drawn from a ticket (agents' page). */
    public List<Long> articlesDe(long ticketId) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> sql.liste(
                "SELECT article_id FROM article_assistance WHERE ticket_id = ? ORDER BY cree_le", rs -> rs.getLong(1), ticketId));
    }

    /** The information site's theme of an application (the Communautés have none). */
    public static Optional<Theme> theme(ApplicationAssistee application) {
        return switch (application) {
            case SNE -> Optional.of(Theme.SNE);
            case COTATION -> Optional.of(Theme.COTATION);
            case INFOCENTRE -> Optional.of(Theme.INFOCENTRE);
            case PORTAIL -> Optional.of(Theme.PORTAIL);
            case COMMUNAUTES -> Optional.empty();
        };
    }

    private long origine(long articleId) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> sql.un(
                "SELECT ticket_id FROM article_assistance WHERE article_id = ?", rs -> rs.getLong(1), articleId))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Article introuvable"));
    }

    private static Set<String> personnes(DemandesAssistance.Vue vue) {
        Set<String> noms = new LinkedHashSet<>();
        Ticket t = vue.ticket();
        noms.add(t.demandeurNom());
        if (t.agentNom() != null) {
            noms.add(t.agentNom());
        }
        for (Participant p : vue.participants()) {
            noms.add(p.nom());
        }
        for (Commentaire c : vue.commentaires()) {
            noms.add(c.auteurNom());
        }
        noms.removeIf(n -> n == null || n.isBlank());
        return noms;
    }

    private static void exigerAgent(Actor actor) {
        Decision d = AssistancePolicy.traiter(actor);
        if (d != Decision.AUTORISEE) {
            throw new Refus(HttpStatus.NOT_FOUND, "Page introuvable");
        }
    }

    private static Actor.Systeme systeme(Actor actor) {
        return new Actor.Systeme("base-connaissance:" + (actor instanceof Actor.Professionnel p ? p.utilisateurId() : 0));
    }
}
