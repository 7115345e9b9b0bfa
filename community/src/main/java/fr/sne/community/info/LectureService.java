package fr.sne.community.info;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What readers get: lists and pages of the articles they may read ({@link ArticlePolicy#lecteur}),
 * published at the injected clock's instant. The public reads without a scope (national content
 * only: row-level security hides every territory's pages); professionals in their habilitation's
 * scope, read-only.
 */
@Singleton
public class LectureService {

    /** How long an important article stays on the banners after its publication. */
    static final Duration DUREE_BANDEAU = Duration.ofDays(30);
    static final int MAX_BANDEAU = 3;

    private final TenantTransactions transactions;
    private final ArticleRepository articles;
    private final ArticlePolicy policy;
    private final Clock clock;

    LectureService(TenantTransactions transactions, ArticleRepository articles, ArticlePolicy policy, Clock clock) {
        this.transactions = transactions;
        this.articles = articles;
        this.policy = policy;
        this.clock = clock;
    }

    /** A list and the attachments of its articles. */
    public record Liste(Resultats<Article> resultats, Map<Long, List<PieceJointe>> pieces) {
    }

    /** An article as a reader opens it. */
    public record Consultation(Article article, List<PieceJointe> pieces) {
    }

    public Liste lister(Actor actor, CriteresLecture criteres) {
        return lister(policy.lecteur(actor), criteres, clock.instant());
    }

    Liste lister(Lecteur lecteur, CriteresLecture criteres, Instant maintenant) {
        return lire(lecteur.scopeListes(), () -> {
            Resultats<Article> r = articles.lister(lecteur, criteres, maintenant);
            boolean avecPieces = criteres.types().stream().anyMatch(t -> t.rubrique() == Rubrique.DOCUMENTATION);
            return new Liste(r, avecPieces ? articles.pieces(r.elements().stream().map(Article::id).toList()) : Map.of());
        });
    }

    /** The FAQ entries a reader may read, grouped by their first theme (in the themes' order). */
    public Map<Theme, List<Article>> faq(Actor actor, Theme theme) {
        Lecteur lecteur = policy.lecteur(actor);
        CriteresLecture c = new CriteresLecture(EnumSet.of(TypeContenu.FAQ), theme, null, null, null, null, 1, 500,
                CriteresLecture.Ordre.RECENTS);
        List<Article> entrees = lister(lecteur, c, clock.instant()).resultats().elements();
        Map<Theme, List<Article>> parTheme = new LinkedHashMap<>();
        for (Theme t : Theme.values()) {
            for (Article a : entrees) {
                Theme premier = a.themes().isEmpty() ? Theme.SNE : a.themes().getFirst();
                if (premier == t && (theme == null || a.themes().contains(theme))) {
                    parTheme.computeIfAbsent(t, k -> new ArrayList<>()).add(a);
                }
            }
        }
        return parTheme;
    }

    /** The important articles to show on a banner (newest first, recent only). */
    public List<Article> importants(Actor actor) {
        Lecteur lecteur = policy.lecteur(actor);
        Instant maintenant = clock.instant();
        return lire(lecteur.scopeListes(), () -> articles.importants(lecteur, maintenant.minus(DUREE_BANDEAU), maintenant, MAX_BANDEAU));
    }

    /** The public news of the feed. */
    public List<Article> flux(int max) {
        return lister(Lecteur.PUBLIC, CriteresLecture.de(EnumSet.copyOf(TypeContenu.de(Rubrique.ACTUALITES)), 1, max),
                clock.instant()).resultats().elements();
    }

    /**
     * An article of a section, by its URL name. Unknown, not published yet, of another section, or
     * not for this reader → 404; for professionals while nobody is signed in → the sign-in page.
     */
    public Consultation consulter(Actor actor, Rubrique rubrique, String slug) {
        Lecteur lecteur = policy.lecteur(actor);
        Instant maintenant = clock.instant();
        for (Scope scope : scopes(lecteur)) {
            Optional<Consultation> trouvee = lire(scope, () -> articles.parSlug(slug)
                    .filter(a -> a.type().rubrique() == rubrique && a.publieA(maintenant))
                    .map(a -> new Consultation(a, articles.pieces(a.id()))));
            if (trouvee.isPresent()) {
                Article a = trouvee.get().article();
                if (lecteur.peutLire(a.audience(), a.territoire())) {
                    return trouvee.get();
                }
                if (actor instanceof Actor.Anonyme && a.audience() == Audience.PROFESSIONNELS) {
                    // security's handler sends the visitor to sign in, then back here
                    throw new AuthorizationException(null);
                }
                break;
            }
        }
        throw new Refus(HttpStatus.NOT_FOUND, "Page introuvable");
    }

    /**
     * An attachment and its article for a download: the reader may read the published article, or
     * may edit it (authors download the attachments of their drafts).
     */
    public Optional<PieceJointe> piece(Actor actor, long id) {
        Lecteur lecteur = policy.lecteur(actor);
        Instant maintenant = clock.instant();
        for (Scope scope : scopes(lecteur)) {
            Optional<PieceJointe> trouvee = lire(scope, () -> articles.piece(id).filter(p -> articles.parId(p.articleId())
                    .filter(a -> (a.publieA(maintenant) && lecteur.peutLire(a.audience(), a.territoire()))
                            || policy.decider(actor, ActionArticle.REDIGER, a.territoire()).autorisee())
                    .isPresent()));
            if (trouvee.isPresent()) {
                return trouvee;
            }
        }
        return Optional.empty();
    }

    /** The codes of the reference texts loaded (CCH, CASF...). */
    public List<String> codesTextes() {
        return lire(null, articles::codesTextes);
    }

    private static List<Scope> scopes(Lecteur lecteur) {
        List<Scope> scopes = lecteur.scopesPages();
        // nobody's scope: the public's reading (national content only)
        return scopes.isEmpty() ? Collections.singletonList(null) : scopes;
    }

    private <T> T lire(Scope scope, Supplier<T> lecture) {
        return scope == null ? transactions.withoutScope(lecture) : transactions.inScope(scope, lecture);
    }

    static Set<TypeContenu> types(Rubrique rubrique) {
        return EnumSet.copyOf(TypeContenu.de(rubrique));
    }
}
