package fr.sne.community.info;

import fr.sne.community.info.markdown.RenduMarkdown;
import fr.sne.community.recherche.Acces;
import fr.sne.community.recherche.DocumentIndexe;
import fr.sne.community.recherche.Indexation;
import fr.sne.community.recherche.SourceIndexation;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The information site's side of the search engine: after each committed change, the article's
 * current state goes to the index (published → indexed with who may open it; draft, scheduled
 * for later or deleted → removed); a full rebuild reads every published article. A failure to
 * index never fails the author's change: the next rebuild catches it up.
 */
@Singleton
public class IndexationArticles implements SourceIndexation {

    private static final Logger LOG = LoggerFactory.getLogger(IndexationArticles.class);

    private final TenantTransactions transactions;
    private final ArticleRepository articles;
    private final RenduMarkdown rendu;
    private final BeanProvider<Indexation> indexation;
    private final Clock clock;

    IndexationArticles(TenantTransactions transactions, ArticleRepository articles, RenduMarkdown rendu,
                       BeanProvider<Indexation> indexation, Clock clock) {
        this.transactions = transactions;
        this.articles = articles;
        this.rendu = rendu;
        this.indexation = indexation;
        this.clock = clock;
    }

    /** Brings the index in line with the article as committed (call after the transaction). */
    public void synchroniser(long id) {
        try {
            Instant maintenant = clock.instant();
            Optional<ArticleRepository.ArticleAIndexer> etat = transactions.inScope(Scope.nationalReadOnly(),
                    () -> articles.parId(id).map(a -> new ArticleRepository.ArticleAIndexer(a, articles.textePieces(id))));
            if (etat.isPresent() && etat.get().article().publieA(maintenant)) {
                indexer(etat.get().article(), etat.get().textePieces());
            } else {
                retirer(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("Article {} non synchronisé avec l'index de recherche (repris à la prochaine reconstruction) : {}", id, e.toString());
        }
    }

    /** Indexes an article known to be published (bulk loads: no read back). */
    void indexer(Article article, String textePieces) {
        if (indexation.isPresent()) {
            indexation.get().indexer(document(article, textePieces));
        }
    }

    void retirer(long id) {
        if (indexation.isPresent()) {
            indexation.get().supprimer(Article.idRecherche(id));
        }
    }

    @Override
    public void parcourir(Consumer<DocumentIndexe> sink) {
        Instant maintenant = clock.instant();
        transactions.inScope(Scope.nationalReadOnly(), () -> {
            articles.parcourirPublies(maintenant, a -> sink.accept(document(a.article(), a.textePieces())));
            return null;
        });
    }

    /** What the engine stores: the text readers search, where the result leads, who may open it. */
    DocumentIndexe document(Article a, String textePieces) {
        String corps = a.type() == TypeContenu.TEXTE_REFERENCE ? a.corpsMarkdown() : rendu.texte(a.corpsMarkdown());
        String texte = Stream.of(a.resume(), corps, a.versionDocument() == null ? null : "Version " + a.versionDocument(),
                        a.codeTexte(), a.section(), textePieces)
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
        List<String> themes = a.themes().stream().map(Theme::codeRecherche).toList();
        return new DocumentIndexe(a.idRecherche(), a.type().codeRecherche(), a.titre(), texte, themes, null,
                a.publicationLe(), a.url(), acces(a));
    }

    static Set<String> acces(Article a) {
        return switch (a.audience()) {
            case PUBLIC -> Set.of(Acces.PUBLIC);
            case PROFESSIONNELS -> Set.of(Acces.PROFESSIONNEL);
            case TERRITOIRE -> Set.of(Acces.territoire(a.territoire()));
        };
    }
}
