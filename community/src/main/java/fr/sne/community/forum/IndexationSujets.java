package fr.sne.community.forum;

import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceRepository;
import fr.sne.community.info.markdown.RenduMarkdown;
import fr.sne.community.recherche.DocumentIndexe;
import fr.sne.community.recherche.SynchronisationIndex;
import fr.sne.community.recherche.SourceIndexation;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One search document per topic (type "sujet"): its title, tags and the text of its published,
 * visible posts, found only by those who see its space ({@code espace:<id>}). Hidden, pending and
 * merged-away content is not searchable.
 */
@Singleton
public class IndexationSujets implements SourceIndexation {

    /** The search facet of topics; a solved one has its own, so that tickets can suggest solved topics only. */
    static final String TYPE = "sujet";
    public static final String TYPE_RESOLU = "sujet-resolu";


    private final TenantTransactions transactions;
    private final ForumRepository forum;
    private final EspaceRepository espaces;
    private final RenduMarkdown rendu;
    private final SynchronisationIndex indexation;

    IndexationSujets(TenantTransactions transactions, ForumRepository forum, EspaceRepository espaces, RenduMarkdown rendu,
                     SynchronisationIndex indexation) {
        this.transactions = transactions;
        this.forum = forum;
        this.espaces = espaces;
        this.rendu = rendu;
        this.indexation = indexation;
    }

    /** Brings the index in line with the topic as committed (call after the transaction). */
    public void synchroniser(long sujetId) {
        indexation.synchroniser(Sujet.idRecherche(sujetId), () -> forum.sujet(sujetId)
                .filter(s -> s.fusionneDans() == null && !s.enAttente())
                .flatMap(s -> espaces.parId(s.espaceId()).map(e -> document(s, e))));
    }

    @Override
    public void parcourir(Consumer<DocumentIndexe> sink) {
        transactions.inScope(Scope.nationalReadOnly(), () -> {
            Map<Long, Espace> parId = espaces.tous().stream().collect(Collectors.toMap(Espace::id, Function.identity()));
            for (long id : forum.sujetsIndexables()) {
                forum.sujet(id).ifPresent(s -> {
                    Espace e = parId.get(s.espaceId());
                    if (e != null) {
                        sink.accept(document(s, e));
                    }
                });
            }
            return null;
        });
    }

    private DocumentIndexe document(Sujet s, Espace e) {
        List<Message> messages = forum.messages(s.id(), 0);
        String texte = Stream.concat(Stream.of(String.join(" ", s.tags())),
                        messages.stream().filter(m -> "PUBLIE".equals(m.statut()) && !m.masque()).map(m -> rendu.texte(m.markdown())))
                .filter(t -> !t.isBlank()).collect(Collectors.joining("\n"));
        String pieces = forum.textePieces(s.id());
        texte = pieces.isBlank() ? texte : texte + "\n" + pieces;
        return new DocumentIndexe(Sujet.idRecherche(s.id()), s.resolu() ? TYPE_RESOLU : TYPE, s.titre(), texte, List.of(), e.nom(),
                s.dernierMessageLe(), s.url(), e.acces());
    }
}
