package fr.sne.community.wiki;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.community.espace.Espaces;
import fr.sne.community.info.Slugs;
import fr.sne.community.info.DepotPieces;
import fr.sne.community.info.markdown.RenduMarkdown;
import fr.sne.community.notification.Diffusion;
import fr.sne.community.notification.EvenementCommunaute;
import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The spaces' wiki: reading needs {@code VOIR}, writing (pages, comments, files, restorations)
 * {@code PARTICIPER}, both decided by the spaces' policy. Every save is a new version; a save based
 * on an older version than the current one is refused ({@link ConflitEdition}). Each change
 * announces itself in the outbox in its transaction, and reaches the index after commit.
 */
@Singleton
public class WikiService {

    private static final Logger LOG = LoggerFactory.getLogger(WikiService.class);
    static final String OBJET = "page_wiki";

    /** A page as shown: rendered text, files, comments and the pages that link to it. */
    public record Consultation(EspaceVu espace, PageWiki page, String html, List<PiecePage> pieces,
                               List<CommentairePage> commentaires, List<PageWiki> retroliens, boolean participe) {
    }

    /** A page of the tree, with its depth for indentation. */
    public record Noeud(PageWiki page, int profondeur) {
    }

    private final Espaces espaces;
    private final TenantTransactions transactions;
    private final WikiRepository pages;
    private final RenduMarkdown rendu;
    private final Diffusion diffusion;
    private final AuditTrail audit;
    private final IndexationWiki index;
    private final ObjectStorage stockage;
    private final DepotPieces depots;
    private final Clock clock;

    WikiService(Espaces espaces, TenantTransactions transactions, WikiRepository pages, RenduMarkdown rendu, Diffusion diffusion,
                AuditTrail audit, IndexationWiki index, ObjectStorage stockage, DepotPieces depots, Clock clock) {
        this.espaces = espaces;
        this.transactions = transactions;
        this.pages = pages;
        this.rendu = rendu;
        this.diffusion = diffusion;
        this.audit = audit;
        this.index = index;
        this.stockage = stockage;
        this.depots = depots;
        this.clock = clock;
    }

    public EspaceVu ouvrir(Actor actor, String espace, ActionEspace action) {
        return espaces.ouvrir(actor, espace, action);
    }

    public boolean peutParticiper(Actor actor, EspaceVu espace) {
        return espaces.decider(actor, espace, ActionEspace.PARTICIPER).autorisee();
    }

    /** The space's pages as a tree (parents before children, by order then title). */
    public List<Noeud> arbre(EspaceVu espace) {
        List<PageWiki> toutes = transactions.inScope(Espaces.scope(espace.espace()), () -> pages.pages(espace.espace().id()));
        List<Noeud> arbre = new ArrayList<>();
        Set<Long> places = new HashSet<>();
        ajouterEnfants(toutes, null, 0, arbre, places);
        // pages whose parent vanished stay listed at the top level
        toutes.stream().filter(p -> !places.contains(p.id())).forEach(p -> arbre.add(new Noeud(p, 0)));
        return arbre;
    }

    private static void ajouterEnfants(List<PageWiki> toutes, Long parent, int profondeur, List<Noeud> arbre, Set<Long> places) {
        for (PageWiki p : toutes) {
            if (Objects.equals(p.parentId(), parent) && places.add(p.id())) {
                arbre.add(new Noeud(p, profondeur));
                ajouterEnfants(toutes, p.id(), profondeur + 1, arbre, places);
            }
        }
    }

    public Consultation consulter(Actor actor, String espaceSlug, String slug) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.VOIR);
        Espace e = espace.espace();
        return transactions.inScope(Espaces.scope(e), () -> {
            PageWiki page = pages.parSlug(e.id(), slug).orElseThrow(WikiService::introuvable);
            List<PageWiki> toutes = pages.pages(e.id());
            Set<String> slugs = new HashSet<>(toutes.stream().map(PageWiki::slug).toList());
            String html = rendu.html(LiensWiki.resoudre(page.contenu(), e.slug(), slugs::contains));
            List<PageWiki> retroliens = toutes.stream()
                    .filter(p -> p.id() != page.id() && LiensWiki.cibles(p.contenu()).contains(page.slug())).toList();
            return new Consultation(espace, page, html, pages.pieces(page.id()), pages.commentaires(page.id()), retroliens,
                    peutParticiper(actor, espace));
        });
    }

    public PageWiki page(EspaceVu espace, String slug) {
        return transactions.inScope(Espaces.scope(espace.espace()), () -> pages.parSlug(espace.espace().id(), slug))
                .orElseThrow(WikiService::introuvable);
    }

    public String apercu(EspaceVu espace, String markdown) {
        Set<String> slugs = new HashSet<>(arbre(espace).stream().map(n -> n.page().slug()).toList());
        return rendu.html(LiensWiki.resoudre(markdown, espace.espace().slug(), slugs::contains));
    }

    public PageWiki creer(Actor actor, String espaceSlug, SaisiePage saisie) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.PARTICIPER);
        Espace e = espace.espace();
        long auteur = auteur(actor);
        Instant maintenant = clock.instant();
        PageWiki page = transactions.inScope(Espaces.scope(e), () -> {
            String slug = valider(e, saisie, null);
            long id = pages.creer(e.id(), saisie.parentId(), slug, saisie.titre(), saisie.ordre(), saisie.contenu(), auteur, maintenant);
            pages.ajouterVersion(id, 1, e.id(), saisie.titre(), saisie.contenu(), commentaire(saisie, "Création de la page"), auteur, maintenant);
            PageWiki p = pages.parId(id).orElseThrow();
            audit.changement(actor, TypeAction.CREATION, e.territoire(), OBJET, Long.toString(id), null,
                    Map.of("espace", e.slug(), "titre", p.titre(), "version", 1));
            annoncer(e, p, auteur);
            return p;
        });
        index.synchroniser(e, page.id());
        return page;
    }

    public PageWiki modifier(Actor actor, String espaceSlug, String slug, SaisiePage saisie) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.PARTICIPER);
        Espace e = espace.espace();
        long auteur = auteur(actor);
        Instant maintenant = clock.instant();
        PageWiki page = transactions.inScope(Espaces.scope(e), () -> {
            PageWiki avant = pages.parSlug(e.id(), slug).orElseThrow(WikiService::introuvable);
            if (avant.version() != saisie.versionLue()) {
                throw new ConflitEdition(avant);
            }
            String nouveauSlug = valider(e, saisie, avant);
            int version = pages.modifier(avant.id(), saisie.versionLue(), saisie.parentId(), nouveauSlug, saisie.titre(), saisie.ordre(),
                    saisie.contenu(), auteur, maintenant).orElseThrow(() -> new ConflitEdition(pages.parId(avant.id()).orElseThrow()));
            pages.ajouterVersion(avant.id(), version, e.id(), saisie.titre(), saisie.contenu(), commentaire(saisie, "Modification"), auteur, maintenant);
            PageWiki p = pages.parId(avant.id()).orElseThrow();
            audit.changement(actor, TypeAction.MODIFICATION, e.territoire(), OBJET, Long.toString(p.id()),
                    Map.of("titre", avant.titre(), "version", avant.version()), Map.of("titre", p.titre(), "version", version));
            annoncer(e, p, auteur);
            return p;
        });
        index.synchroniser(e, page.id());
        return page;
    }

    /** Makes an old version the current one again, as a new version (history is never rewritten). */
    public PageWiki restaurer(Actor actor, String espaceSlug, String slug, int numero, int versionLue) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.PARTICIPER);
        PageWiki actuelle = page(espace, slug);
        VersionPage v = transactions.inScope(Espaces.scope(espace.espace()), () -> pages.version(actuelle.id(), numero))
                .orElseThrow(WikiService::introuvable);
        return modifier(actor, espaceSlug, slug, new SaisiePage(v.titre(), v.contenu(), actuelle.parentId(), actuelle.ordre(),
                "Restauration de la version " + numero, versionLue));
    }

    public List<VersionPage> versions(EspaceVu espace, PageWiki page) {
        return transactions.inScope(Espaces.scope(espace.espace()), () -> pages.versions(page.id()));
    }

    public VersionPage version(EspaceVu espace, PageWiki page, int numero) {
        return transactions.inScope(Espaces.scope(espace.espace()), () -> pages.version(page.id(), numero))
                .orElseThrow(WikiService::introuvable);
    }

    public void commenter(Actor actor, String espaceSlug, String slug, String texte) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.PARTICIPER);
        Espace e = espace.espace();
        String t = texte == null ? "" : texte.strip();
        Formulaire erreurs = new Formulaire();
        if (t.isEmpty()) {
            erreurs.erreur("texte", "Écrivez votre commentaire.");
        } else if (t.length() > 10_000) {
            erreurs.erreur("texte", "Le commentaire ne doit pas dépasser 10 000 caractères.");
        }
        erreurs.verifier();
        long auteur = auteur(actor);
        transactions.inScope(Espaces.scope(e), () -> {
            PageWiki p = pages.parSlug(e.id(), slug).orElseThrow(WikiService::introuvable);
            pages.commenter(p.id(), e.id(), auteur, t, clock.instant());
            audit.changement(actor, TypeAction.CREATION, e.territoire(), "page_wiki_commentaire", Long.toString(p.id()), null,
                    Map.of("page", p.id()));
            return null;
        });
    }

    public PiecePage ajouterPiece(Actor actor, String espaceSlug, String slug, String nomFichier, Path fichier) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.PARTICIPER);
        Espace e = espace.espace();
        PageWiki page = page(espace, slug);
        DepotPieces.Depot d = depots.deposer(e.territoire(), "wiki", page.id(), nomFichier, fichier);
        String cle = d.cleObjet();
        long auteur = auteur(actor);
        try {
            PiecePage piece = transactions.inScope(Espaces.scope(e), () -> {
                long id = pages.ajouterPiece(page.id(), e.id(), d.nom(), d.typeMime(), d.taille(), cle, d.texte(), auteur, clock.instant());
                audit.changement(actor, TypeAction.CREATION, e.territoire(), "page_wiki_piece", Long.toString(id), null,
                        Map.of("page", page.id(), "nom", d.nom(), "taille", d.taille()));
                return pages.piece(id).orElseThrow();
            });
            index.synchroniser(e, page.id());
            return piece;
        } catch (RuntimeException ex) {
            try {
                stockage.supprimer(cle);
            } catch (Exception ignore) {
                LOG.warn("Objet {} orphelin dans le stockage", cle);
            }
            throw ex;
        }
    }

    /** An attachment for a reader of its space; 404 otherwise. */
    public PiecePage piece(Actor actor, long id) {
        PiecePage piece = transactions.inScope(fr.sne.tenants.tenancy.Scope.nationalReadOnly(), () -> pages.piece(id))
                .orElseThrow(WikiService::introuvable);
        espaces.ouvrir(actor, piece.espaceId(), ActionEspace.VOIR);
        return piece;
    }

    public java.io.InputStream lire(PiecePage piece) throws Exception {
        return stockage.lire(piece.cleObjet());
    }

    /** The form's checks; the page's slug from its title, unique in the space (links find pages by title). */
    private String valider(Espace e, SaisiePage saisie, PageWiki avant) {
        Formulaire erreurs = new Formulaire();
        if (saisie.titre().isEmpty()) {
            erreurs.erreur("titre", "Donnez un titre à la page.");
        } else if (saisie.titre().length() > 200) {
            erreurs.erreur("titre", "Le titre ne doit pas dépasser 200 caractères.");
        }
        if (saisie.contenu().length() > 200_000) {
            erreurs.erreur("texte", "Le texte ne doit pas dépasser 200 000 caractères.");
        }
        if (saisie.commentaire().length() > 300) {
            erreurs.erreur("commentaire", "Le résumé de la modification ne doit pas dépasser 300 caractères.");
        }
        String slug = Slugs.de(saisie.titre());
        if (slug.equals("nouvelle")) {
            slug = "nouvelle-page";
        }
        if (!saisie.titre().isEmpty()) {
            pages.parSlug(e.id(), slug).filter(p -> avant == null || p.id() != avant.id())
                    .ifPresent(p -> erreurs.erreur("titre", "Une page de cet espace porte déjà ce titre : choisissez-en un autre."));
            if (saisie.parentId() != null) {
                var parent = pages.parId(saisie.parentId()).filter(p -> p.espaceId() == e.id());
                if (parent.isEmpty() || (avant != null && descendDe(parent.get(), avant.id()))) {
                    erreurs.erreur("parentId", "Choisissez une page parente de cet espace qui ne soit pas la page elle-même ni une de ses sous-pages.");
                }
            }
        }
        erreurs.verifier();
        return slug;
    }

    private boolean descendDe(PageWiki page, long ancetre) {
        PageWiki p = page;
        for (int i = 0; p != null && i < 100; i++) {
            if (p.id() == ancetre) {
                return true;
            }
            p = p.parentId() == null ? null : pages.parId(p.parentId()).orElse(null);
        }
        return false;
    }

    private void annoncer(Espace e, PageWiki p, long auteur) {
        diffusion.publier(new EvenementCommunaute(EvenementCommunaute.Type.PAGE, e.id(), null, null, Set.of(), p.titre(),
                rendu.texte(p.contenu()), p.url(e.slug()), auteur, Set.of()));
    }

    private static String commentaire(SaisiePage saisie, String parDefaut) {
        return saisie.commentaire().isEmpty() ? parDefaut : saisie.commentaire();
    }

    private static long auteur(Actor actor) {
        if (actor instanceof Actor.Professionnel p) {
            return p.utilisateurId();
        }
        throw new Refus(HttpStatus.FORBIDDEN, "Accès refusé");
    }

    static Refus introuvable() {
        return new Refus(HttpStatus.NOT_FOUND, "Page introuvable");
    }

    /** The parent choices for the editor: every page of the space but this one and its descendants. */
    public Map<String, String> parents(EspaceVu espace, PageWiki sauf) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Noeud n : arbre(espace)) {
            if (sauf == null || !descendDeSansBase(n.page(), sauf.id(), espace)) {
                options.put(Long.toString(n.page().id()), "\u00a0\u00a0".repeat(n.profondeur()) + n.page().titre());
            }
        }
        return options;
    }

    private boolean descendDeSansBase(PageWiki page, long ancetre, EspaceVu espace) {
        return transactions.inScope(Espaces.scope(espace.espace()), () -> descendDe(page, ancetre));
    }
}
