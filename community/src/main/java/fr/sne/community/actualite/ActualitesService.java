package fr.sne.community.actualite;

import fr.sne.community.accueil.Nouveaute;
import fr.sne.community.accueil.SourceNouveautes;
import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.community.espace.Espaces;
import fr.sne.community.info.markdown.RenduMarkdown;
import fr.sne.community.notification.Diffusion;
import fr.sne.community.notification.EvenementCommunaute;
import fr.sne.community.recherche.DocumentIndexe;
import fr.sne.community.recherche.SynchronisationIndex;
import fr.sne.community.recherche.SourceIndexation;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The spaces' news: moderators publish ({@code MODERER}), readers of a space read ({@code VOIR});
 * the global feed merges every space the reader sees. National news for everybody are published
 * by national administrators in the space open to all professionals ("Entraide"), marked
 * important when they must reach everyone at once. An important item goes to the outbox as
 * {@code ACTUALITE_IMPORTANTE} (mailed immediately by the subscriptions) and shows as a banner
 * on the community's pages for 30 days, until each reader dismisses it.
 */
@Singleton
public class ActualitesService implements SourceIndexation, SourceNouveautes {

    static final String TYPE = "actualite-communaute";
    static final Duration DUREE_BANDEAU = Duration.ofDays(30);
    public static final int PAR_PAGE = 20;

    /** One page of a feed. */
    public record Fil(List<ActualiteCommunaute> actualites, int page, int pages) {
    }

    private final Espaces espaces;
    private final TenantTransactions transactions;
    private final ActualiteRepository actualites;
    private final RenduMarkdown rendu;
    private final Diffusion diffusion;
    private final AuditTrail audit;
    private final SynchronisationIndex indexation;
    private final Clock clock;

    ActualitesService(Espaces espaces, TenantTransactions transactions, ActualiteRepository actualites, RenduMarkdown rendu,
                      Diffusion diffusion, AuditTrail audit, SynchronisationIndex indexation, Clock clock) {
        this.espaces = espaces;
        this.transactions = transactions;
        this.actualites = actualites;
        this.rendu = rendu;
        this.diffusion = diffusion;
        this.audit = audit;
        this.indexation = indexation;
        this.clock = clock;
    }

    public EspaceVu ouvrir(Actor actor, String espace, ActionEspace action) {
        return espaces.ouvrir(actor, espace, action);
    }

    public boolean peutPublier(Actor actor, EspaceVu espace) {
        return espaces.decider(actor, espace, ActionEspace.MODERER).autorisee();
    }

    public Fil fil(Set<Long> ids, int page) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> {
            long total = actualites.compter(ids);
            int pages = (int) Math.max(1, (total + PAR_PAGE - 1) / PAR_PAGE);
            int p = Math.min(Math.max(1, page), pages);
            return new Fil(actualites.dernieres(ids, PAR_PAGE, (p - 1) * PAR_PAGE), p, pages);
        });
    }

    /** The global feed: every space the actor sees. */
    public Fil filGlobal(Actor actor, int page) {
        return fil(espaces.idsVisibles(actor), page);
    }

    public ActualiteCommunaute consulter(Actor actor, String espaceSlug, long id) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.VOIR);
        return transactions.inScope(Espaces.scope(espace.espace()), () -> actualites.parId(id))
                .filter(a -> a.espaceId() == espace.espace().id())
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Actualité introuvable"));
    }

    public String html(ActualiteCommunaute a) {
        return rendu.html(a.contenu());
    }

    public ActualiteCommunaute publier(Actor actor, String espaceSlug, String titre, String contenu, boolean important) {
        EspaceVu espace = espaces.ouvrir(actor, espaceSlug, ActionEspace.MODERER);
        Espace e = espace.espace();
        if (e.archive()) {
            throw new Refus(HttpStatus.FORBIDDEN, "Cet espace est archivé : on n’y publie plus.");
        }
        String t = titre == null ? "" : titre.strip();
        String c = contenu == null ? "" : contenu.strip();
        Formulaire erreurs = new Formulaire();
        if (t.isEmpty()) {
            erreurs.erreur("titre", "Donnez un titre à l’actualité.");
        } else if (t.length() > 200) {
            erreurs.erreur("titre", "Le titre ne doit pas dépasser 200 caractères.");
        }
        if (c.isEmpty()) {
            erreurs.erreur("texte", "Écrivez le texte de l’actualité.");
        } else if (c.length() > 50_000) {
            erreurs.erreur("texte", "Le texte ne doit pas dépasser 50 000 caractères.");
        }
        erreurs.verifier();
        long auteur = ((Actor.Professionnel) actor).utilisateurId();
        ActualiteCommunaute publiee = transactions.inScope(Espaces.scope(e), () -> {
            long id = actualites.creer(e.id(), t, c, important, auteur, clock.instant());
            ActualiteCommunaute a = actualites.parId(id).orElseThrow();
            audit.changement(actor, TypeAction.CREATION, e.territoire(), "actualite_communaute", Long.toString(id), null,
                    Map.of("espace", e.slug(), "titre", t, "important", important));
            diffusion.publier(new EvenementCommunaute(important ? EvenementCommunaute.Type.ACTUALITE_IMPORTANTE : EvenementCommunaute.Type.ACTUALITE,
                    e.id(), null, null, Set.of(), t, rendu.texte(c), a.url(), auteur, Set.of()));
            return a;
        });
        indexer(e, publiee);
        return publiee;
    }

    /** The important items the actor still has to see as banners. */
    public List<ActualiteCommunaute> bandeaux(Actor actor) {
        if (!(actor instanceof Actor.Professionnel p)) {
            return List.of();
        }
        Set<Long> ids = espaces.idsVisibles(actor);
        Instant depuis = clock.instant().minus(DUREE_BANDEAU);
        return transactions.inScope(Scope.nationalReadOnly(), () -> actualites.importantesNonMasquees(ids, p.utilisateurId(), depuis));
    }

    /** "Ne plus afficher": the banner disappears for this reader only. */
    public void masquer(Actor actor, long id) {
        if (!(actor instanceof Actor.Professionnel p)) {
            throw new Refus(HttpStatus.FORBIDDEN, "Accès refusé");
        }
        ActualiteCommunaute a = transactions.inScope(Scope.nationalReadOnly(), () -> actualites.parId(id))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Actualité introuvable"));
        EspaceVu espace = espaces.ouvrir(actor, a.espaceId(), ActionEspace.VOIR);
        transactions.inScope(Espaces.scope(espace.espace()), () -> {
            actualites.masquer(id, a.espaceId(), p.utilisateurId());
            return null;
        });
    }

    private void indexer(Espace e, ActualiteCommunaute a) {
        indexation.indexer(document(e, a));
    }

    private DocumentIndexe document(Espace e, ActualiteCommunaute a) {
        return new DocumentIndexe(ActualiteCommunaute.idRecherche(a.id()), TYPE, a.titre(), rendu.texte(a.contenu()), List.of(),
                e.nom(), a.publieLe(), a.url(), e.acces());
    }

    @Override
    public void parcourir(Consumer<DocumentIndexe> sink) {
        transactions.inScope(Scope.nationalReadOnly(), () -> {
            actualites.parcourir(a -> sink.accept(new DocumentIndexe(ActualiteCommunaute.idRecherche(a.id()), TYPE, a.titre(),
                    rendu.texte(a.contenu()), List.of(), a.espaceNom(), a.publieLe(), a.url(), Set.of(fr.sne.community.recherche.Acces.espace(a.espaceId())))));
            return null;
        });
    }

    @Override
    public List<Nouveaute> recentes(Set<Long> ids, int limite) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> actualites.dernieres(ids, limite, 0)).stream()
                .map(a -> new Nouveaute("Actualité", a.titre(), extrait(rendu.texte(a.contenu())), a.url(), a.espaceId(), a.espaceNom(), a.publieLe()))
                .toList();
    }

    static String extrait(String texte) {
        return texte.length() > 200 ? texte.substring(0, 199) + "…" : texte;
    }
}
