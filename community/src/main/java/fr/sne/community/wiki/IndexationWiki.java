package fr.sne.community.wiki;

import fr.sne.community.accueil.Nouveaute;
import fr.sne.community.accueil.SourceNouveautes;
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
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The wiki's side of the search engine and of the community home: a page is indexed with its
 * space's token (only the space's readers find it), its text and its files' text; the home lists
 * the recently edited pages of the reader's spaces.
 */
@Singleton
public class IndexationWiki implements SourceIndexation, SourceNouveautes {

    static final String TYPE = "page";

    private final TenantTransactions transactions;
    private final WikiRepository pages;
    private final EspaceRepository espaces;
    private final RenduMarkdown rendu;
    private final SynchronisationIndex indexation;

    IndexationWiki(TenantTransactions transactions, WikiRepository pages, EspaceRepository espaces, RenduMarkdown rendu,
                   SynchronisationIndex indexation) {
        this.transactions = transactions;
        this.pages = pages;
        this.espaces = espaces;
        this.rendu = rendu;
        this.indexation = indexation;
    }

    /** After commit: the page's current state to the index; a failure waits for the next rebuild. */
    void synchroniser(Espace espace, long pageId) {
        indexation.synchroniser(PageWiki.idRecherche(pageId),
                () -> pages.parId(pageId).map(p -> document(espace, p, pages.textePieces(pageId))));
    }

    @Override
    public void parcourir(Consumer<DocumentIndexe> sink) {
        transactions.inScope(Scope.nationalReadOnly(), () -> {
            Map<Long, Espace> parId = espaces.tous().stream().collect(Collectors.toMap(Espace::id, Function.identity()));
            pages.parcourir(p -> {
                Espace e = parId.get(p.espaceId());
                if (e != null) {
                    sink.accept(document(e, p, pages.textePieces(p.id())));
                }
            });
            return null;
        });
    }

    @Override
    public List<Nouveaute> recentes(Set<Long> ids, int limite) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> {
            Map<Long, Espace> parId = espaces.tous().stream().collect(Collectors.toMap(Espace::id, Function.identity()));
            return pages.recentes(ids, limite).stream()
                    .filter(p -> parId.containsKey(p.espaceId()))
                    .map(p -> {
                        Espace e = parId.get(p.espaceId());
                        return new Nouveaute("Page", p.titre(), extrait(rendu.texte(p.contenu())), p.url(e.slug()), e.id(), e.nom(), p.modifieLe());
                    }).toList();
        });
    }

    DocumentIndexe document(Espace e, PageWiki p, String textePieces) {
        String texte = Stream.of(rendu.texte(p.contenu()), textePieces).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining("\n"));
        return new DocumentIndexe(PageWiki.idRecherche(p.id()), TYPE, p.titre(), texte, List.of(), e.nom(), p.modifieLe(),
                p.url(e.slug()), e.acces());
    }

    static String extrait(String texte) {
        return texte.length() > 200 ? texte.substring(0, 199) + "…" : texte;
    }
}
