package fr.sne.community.assistance.recherche;

import fr.sne.community.assistance.Commentaire;
import fr.sne.community.assistance.Ticket;
import fr.sne.community.assistance.TicketRepository;
import fr.sne.community.info.markdown.RenduMarkdown;
import fr.sne.community.recherche.Acces;
import fr.sne.community.recherche.DocumentIndexe;
import fr.sne.community.recherche.SynchronisationIndex;
import fr.sne.community.recherche.SourceIndexation;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tickets in the search engine: the summary, description, fields, public replies and the text of
 * the attachments readers may see, never internal notes. Who may find a ticket: its requester,
 * participants, the organisation and teams it is shared with, and the agents
 * ({@link Acces#assistance()}); the same people as {@code AssistancePolicy} lets read it.
 */
@Singleton
public class IndexationTickets implements SourceIndexation {

    public static final String TYPE = "ticket";

    private final TenantTransactions transactions;
    private final TicketRepository tickets;
    private final RenduMarkdown rendu;
    private final SynchronisationIndex indexation;

    IndexationTickets(TenantTransactions transactions, TicketRepository tickets, RenduMarkdown rendu, SynchronisationIndex indexation) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.rendu = rendu;
        this.indexation = indexation;
    }

    /** After a committed change: the ticket's current state to the index. Never fails the change. */
    public void synchroniser(long id) {
        indexation.synchroniser(Ticket.idRecherche(id), () -> tickets.parId(id).map(this::document));
    }

    @Override
    public void parcourir(Consumer<DocumentIndexe> sink) {
        transactions.inScope(Scope.nationalReadOnly(), () -> {
            for (long id : tickets.tousLesIds()) {
                tickets.parId(id).map(this::document).ifPresent(sink);
            }
            return null;
        });
    }

    /** Inside a transaction. */
    DocumentIndexe document(Ticket t) {
        List<Commentaire> publics = tickets.commentaires(t.id(), false);
        String texte = Stream.concat(
                        Stream.of(t.cle(), rendu.texte(t.descriptionMarkdown()), String.join(" ", t.champs().values()),
                                t.organisation() == null ? null : t.organisation().libelle()),
                        Stream.concat(publics.stream().map(c -> rendu.texte(c.corpsMarkdown())), Stream.of(tickets.textePiecesPubliques(t.id()))))
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
        Set<String> acces = new HashSet<>();
        acces.add(Acces.assistance());
        acces.add(Acces.utilisateur(t.demandeurId()));
        tickets.participantsExplicites(t.id()).forEach(id -> acces.add(Acces.utilisateur(id)));
        if (t.agentId() != null) {
            acces.add(Acces.utilisateur(t.agentId()));
        }
        if (t.partageOrganisation() && t.organisation() != null) {
            acces.add(t.organisation().jeton());
        }
        tickets.equipes(t.id()).forEach(e -> acces.add(Acces.equipe(e)));
        List<String> themes = List.of(t.application().name().toLowerCase(Locale.ROOT));
        return new DocumentIndexe(t.idRecherche(), TYPE, t.cle() + " — " + t.resume(), texte, themes, null, t.creeLe(), t.url(), acces);
    }
}
