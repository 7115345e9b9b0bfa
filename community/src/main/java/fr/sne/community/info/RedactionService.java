package fr.sne.community.info;

import fr.sne.community.info.markdown.RenduMarkdown;
import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Authoring: every change checks {@link ArticlePolicy}, runs in the article's own scope (national
 * content in a writable national scope, a local page in its territory's), is audited in the same
 * transaction, and reaches the search index once committed.
 */
@Singleton
public class RedactionService {

    private static final Logger LOG = LoggerFactory.getLogger(RedactionService.class);
    static final String OBJET = "ARTICLE";
    static final String OBJET_PIECE = "PIECE_ARTICLE";

    /** What the author asked for with the form's button. */
    public enum Action { BROUILLON, PUBLIER, ENREGISTRER }

    private final TenantTransactions transactions;
    private final ArticleRepository articles;
    private final ArticlePolicy policy;
    private final AuditTrail audit;
    private final RenduMarkdown rendu;
    private final IndexationArticles index;
    private final ObjectStorage stockage;
    private final DepotPieces depots;
    private final Clock clock;

    RedactionService(TenantTransactions transactions, ArticleRepository articles, ArticlePolicy policy, AuditTrail audit,
                     RenduMarkdown rendu, IndexationArticles index, ObjectStorage stockage, DepotPieces depots, Clock clock) {
        this.transactions = transactions;
        this.articles = articles;
        this.policy = policy;
        this.audit = audit;
        this.rendu = rendu;
        this.index = index;
        this.stockage = stockage;
        this.depots = depots;
        this.clock = clock;
    }

    /** Only authors open the authoring pages (403 otherwise). */
    public void exigerAuteur(Actor actor) {
        Acces.exiger(policy.decider(actor, ActionArticle.GERER, null));
    }

    /** The authors' list: a national administrator sees every article, a GT their territory's pages. */
    public Resultats<Article> lister(Actor actor, Statut statut, TypeContenu type, int page) {
        Acces.exiger(policy.decider(actor, ActionArticle.GERER, null));
        String territoire = territoireDuGt(actor);
        return transactions.inScope(lecture(actor),
                () -> articles.listerRedaction(new CriteresRedaction(territoire, false, statut, type, page, 20)));
    }

    /** An article opened for editing (another territory's page: not found). */
    public Article consulter(Actor actor, long id) {
        Article article = transactions.inScope(lecture(actor), () -> articles.parId(id))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Article introuvable"));
        Acces.exiger(policy.decider(actor, ActionArticle.REDIGER, article.territoire()));
        return article;
    }

    public List<PieceJointe> pieces(Actor actor, long id) {
        Article article = consulter(actor, id);
        return transactions.inScope(lecture(actor), () -> articles.pieces(article.id()));
    }

    /** The preview of the author's Markdown, exactly as readers will get it. */
    public String apercu(String markdown) {
        return rendu.html(markdown);
    }

    /** Creates an article (a draft, or published now or at its scheduled date). */
    public Article creer(Actor actor, SaisieArticle saisie, Action action) {
        Acces.exiger(policy.decider(actor, ActionArticle.GERER, null));
        Formulaire erreurs = new Formulaire();
        Contenu contenu = contenuPour(actor, saisie, erreurs);
        Instant maintenant = clock.instant();
        Etat etat = action == Action.PUBLIER ? etatPublie(saisie, null, erreurs, maintenant) : new Etat(Statut.BROUILLON, null);
        erreurs.verifier();
        Acces.exiger(policy.decider(actor, ActionArticle.REDIGER, contenu.territoire()));
        String slug = Slugs.de(contenu.titre());
        long id = transactions.inScope(Scope.ecriture(contenu.territoire()), () -> {
            long nouveau = articles.inserer(slug, contenu, etat.statut(), etat.publicationLe(), auteurId(actor), auteur(actor), maintenant);
            audit.changement(actor, TypeAction.CREATION, contenu.territoire(), OBJET, Long.toString(nouveau), null,
                    trace(contenu, etat.statut(), etat.publicationLe()));
            return nouveau;
        });
        index.synchroniser(id);
        return relire(id);
    }

    /**
     * The platform's own content (demo data, migrations of existing content): published with its
     * original date when it is past, scheduled when it is ahead.
     */
    public Article importer(Actor.Systeme systeme, SaisieArticle saisie, Instant publieLe) {
        Formulaire erreurs = new Formulaire();
        Contenu contenu = saisie.contenu(erreurs, rendu.html(saisie.corps()));
        erreurs.verifier();
        Instant maintenant = clock.instant();
        Statut statut = publieLe.isAfter(maintenant) ? Statut.PROGRAMME : Statut.PUBLIE;
        long id = transactions.inScope(Scope.ecriture(contenu.territoire()), () -> {
            long nouveau = articles.inserer(Slugs.de(contenu.titre()), contenu, statut, publieLe, null, auteur(systeme), maintenant);
            audit.changement(systeme, TypeAction.CREATION, contenu.territoire(), OBJET, Long.toString(nouveau), null,
                    trace(contenu, statut, publieLe));
            return nouveau;
        });
        index.synchroniser(id);
        return relire(id);
    }

    /** Whether an article already has the address this title would get (loaders' idempotence). */
    public boolean existe(String titre) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> articles.slugExiste(Slugs.de(titre)));
    }

    /** Saves the form over the article, publishing it or keeping its state. */
    public Article modifier(Actor actor, long id, SaisieArticle saisie, Action action) {
        Article avant = consulter(actor, id);
        Formulaire erreurs = new Formulaire();
        Contenu demande = contenuPour(actor, saisie, erreurs);
        // the territory (and so the scope and URL's owner) is fixed at creation
        Contenu contenu = new Contenu(demande.type(), demande.titre(), demande.resume(), demande.corpsMarkdown(), demande.corpsHtml(),
                demande.themes(), audienceModifiee(avant, demande.audience()), avant.territoire(), demande.important(),
                demande.versionDocument(), demande.dateDocument());
        Instant maintenant = clock.instant();
        Etat etat = switch (action) {
            case BROUILLON -> new Etat(Statut.BROUILLON, avant.statut() == Statut.BROUILLON ? avant.publicationLe() : null);
            case PUBLIER -> etatPublie(saisie, avant, erreurs, maintenant);
            case ENREGISTRER -> avant.statut() == Statut.PROGRAMME ? etatPublie(saisie, avant, erreurs, maintenant)
                    : new Etat(avant.statut(), avant.publicationLe());
        };
        erreurs.verifier();
        boolean fait = transactions.inScope(Scope.ecriture(avant.territoire()), () -> {
            if (!articles.modifier(id, saisie.versionAttendue(), contenu, etat.statut(), etat.publicationLe(), maintenant)) {
                return false;
            }
            audit.changement(actor, TypeAction.MODIFICATION, avant.territoire(), OBJET, Long.toString(id),
                    trace(avant), trace(contenu, etat.statut(), etat.publicationLe()));
            return true;
        });
        if (!fait) {
            throw new Formulaire.Invalide(new Formulaire().erreur("version",
                    "Cet article a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert : rechargez la page pour voir sa version actuelle."));
        }
        index.synchroniser(id);
        return relire(id);
    }

    /** Back to draft: readers and search no longer see it. */
    public Article depublier(Actor actor, long id, int version) {
        Article avant = consulter(actor, id);
        boolean fait = transactions.inScope(Scope.ecriture(avant.territoire()), () -> {
            if (!articles.changerStatut(id, version, Statut.BROUILLON, avant.publicationLe(), clock.instant())) {
                return false;
            }
            audit.changement(actor, TypeAction.MODIFICATION, avant.territoire(), OBJET, Long.toString(id),
                    Map.of("statut", avant.statut().name()), Map.of("statut", Statut.BROUILLON.name()));
            return true;
        });
        if (!fait) {
            throw new Refus(HttpStatus.CONFLICT, "Cet article a été modifié entre-temps : rechargez la page.");
        }
        index.synchroniser(id);
        return relire(id);
    }

    /** Deletes the article and its attachments (the audit trail keeps what it was). */
    public void supprimer(Actor actor, long id) {
        Article avant = consulter(actor, id);
        List<PieceJointe> pieces = transactions.inScope(Scope.ecriture(avant.territoire()), () -> {
            List<PieceJointe> liste = articles.pieces(id);
            articles.supprimer(id);
            audit.changement(actor, TypeAction.SUPPRESSION, avant.territoire(), OBJET, Long.toString(id), trace(avant), null);
            return liste;
        });
        index.retirer(id);
        for (PieceJointe p : pieces) {
            supprimerObjet(p.cleObjet());
        }
    }

    /** Attaches a file: bytes to object storage first, then the row (an orphan object is harmless). */
    public PieceJointe ajouterPiece(Actor actor, long articleId, String nomFichier, Path fichier) {
        Article article = consulter(actor, articleId);
        DepotPieces.Depot d = depots.deposer(article.territoire(), "info", articleId, nomFichier, fichier);
        String cle = d.cleObjet();
        Instant maintenant = clock.instant();
        try {
            PieceJointe piece = transactions.inScope(Scope.ecriture(article.territoire()), () -> {
                PieceJointe p = articles.ajouterPiece(articleId, d.nom(), d.typeMime(), d.taille(), cle, d.texte(), maintenant);
                articles.toucher(articleId, maintenant);
                audit.changement(actor, TypeAction.CREATION, article.territoire(), OBJET_PIECE, Long.toString(p.id()), null,
                        Map.of("article", articleId, "nom", d.nom(), "taille", d.taille(), "typeMime", d.typeMime()));
                return p;
            });
            index.synchroniser(articleId);
            return piece;
        } catch (RuntimeException e) {
            supprimerObjet(cle);
            throw e;
        }
    }

    public void retirerPiece(Actor actor, long articleId, long pieceId) {
        Article article = consulter(actor, articleId);
        PieceJointe piece = transactions.inScope(Scope.ecriture(article.territoire()), () -> {
            PieceJointe p = articles.piece(pieceId).filter(x -> x.articleId() == articleId)
                    .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Pièce jointe introuvable"));
            articles.supprimerPiece(pieceId);
            articles.toucher(articleId, clock.instant());
            audit.changement(actor, TypeAction.SUPPRESSION, article.territoire(), OBJET_PIECE, Long.toString(pieceId),
                    Map.of("article", articleId, "nom", p.nom()), null);
            return p;
        });
        supprimerObjet(piece.cleObjet());
        index.synchroniser(articleId);
    }

    /** The territories an author may write local pages for: every one for national administrators, their own for a GT. */
    public boolean peutRedigerNational(Actor actor) {
        return policy.decider(actor, ActionArticle.REDIGER, null).autorisee();
    }

    /** A GT's territory (their pages only), null for national roles. */
    public static String territoireDuGt(Actor actor) {
        return Perimetre.habilitation(actor).filter(h -> h.profil() == Profil.GESTIONNAIRE_TERRITORIAL)
                .map(Habilitation::territoire).orElse(null);
    }

    private Contenu contenuPour(Actor actor, SaisieArticle saisie, Formulaire erreurs) {
        SaisieArticle s = saisie;
        String gt = territoireDuGt(actor);
        if (gt != null) {
            // a GT writes their territory's local pages only: the form offers nothing else
            s = new SaisieArticle(saisie.titre(), saisie.resume(), saisie.type(), saisie.themes(), Audience.TERRITOIRE.name(), gt,
                    saisie.important(), saisie.corps(), saisie.versionDocument(), saisie.dateDocument(), saisie.publication(),
                    saisie.publicationLe(), saisie.version());
        }
        return s.contenu(erreurs, rendu.html(s.corps()));
    }

    /** A local page stays one; a national article may go from public to professionals and back, not to a territory. */
    private static Audience audienceModifiee(Article avant, Audience demandee) {
        if (avant.territoire() != null) {
            return Audience.TERRITOIRE;
        }
        return demandee == Audience.TERRITOIRE ? avant.audience() : demandee;
    }

    private Etat etatPublie(SaisieArticle saisie, Article avant, Formulaire erreurs, Instant maintenant) {
        if (saisie.programmee()) {
            return new Etat(Statut.PROGRAMME, saisie.dateProgrammee(erreurs, maintenant));
        }
        // an article already published keeps its publication date
        if (avant != null && avant.statut() == Statut.PUBLIE) {
            return new Etat(Statut.PUBLIE, avant.publicationLe());
        }
        return new Etat(Statut.PUBLIE, maintenant);
    }

    private Article relire(long id) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> articles.parId(id)).orElseThrow();
    }

    private void supprimerObjet(String cle) {
        try {
            stockage.supprimer(cle);
        } catch (Exception e) {
            LOG.warn("Objet {} non supprimé (orphelin sans conséquence) : {}", cle, e.toString());
        }
    }

    /** The scope an author reads in: a GT's territory (national content included), national for the others. */
    static Scope lecture(Actor actor) {
        if (actor instanceof Actor.Systeme) {
            return Scope.nationalReadOnly();
        }
        return Scope.lecture(Acces.scope(actor));
    }

    private static Long auteurId(Actor actor) {
        return actor instanceof Actor.Professionnel p ? p.utilisateurId() : null;
    }

    private static String auteur(Actor actor) {
        return switch (actor) {
            case Actor.Professionnel p -> p.nomAffiche();
            case Actor.Systeme s -> "Équipe SNE";
            default -> "Inconnu";
        };
    }

    private static Map<String, Object> trace(Article a) {
        return trace(new Contenu(a.type(), a.titre(), a.resume(), "", "", a.themes(), a.audience(), a.territoire(), a.important(),
                a.versionDocument(), a.dateDocument()), a.statut(), a.publicationLe());
    }

    private static Map<String, Object> trace(Contenu c, Statut statut, Instant publicationLe) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("titre", c.titre());
        m.put("type", c.type().name());
        m.put("audience", c.audience().name());
        m.put("themes", c.themes().stream().map(Theme::name).toList());
        m.put("statut", statut.name());
        m.put("publicationLe", publicationLe == null ? null : publicationLe.toString());
        m.put("important", c.important());
        return m;
    }

    private record Etat(Statut statut, Instant publicationLe) {
    }
}
