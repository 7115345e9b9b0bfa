package fr.sne.community.forum;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.community.espace.Espaces;
import fr.sne.community.notification.Diffusion;
import fr.sne.community.notification.EvenementCommunaute;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Members' side of the forums: topics, replies, edits with their history, thanks, "résolu",
 * drafts and flags. Every rule of a space is asked of {@link Espaces} (its policy); every change
 * runs in the space's scope with its audit and its community event, and reaches the search index
 * after commit.
 */
@Singleton
public class ForumService {

    static final String OBJET_SUJET = "forum_sujet";
    static final String OBJET_MESSAGE = "forum_message";

    /** A topic opened for one reader: its space as they see it, and whether they moderate it. */
    public record SujetOuvert(Sujet sujet, EspaceVu espace, Categorie categorie, boolean moderateur) {
    }

    /** The edit was based on an older version: the typed text is kept for the 409 page. */
    public static final class ModificationConcurrente extends RuntimeException {
        private final Message actuel;

        ModificationConcurrente(Message actuel) {
            super("Modification concurrente", null, false, false);
            this.actuel = actuel;
        }

        public Message actuel() {
            return actuel;
        }
    }

    private final TenantTransactions transactions;
    private final Espaces espaces;
    private final ForumRepository forum;
    private final Redaction redaction;
    private final Diffusion diffusion;
    private final AuditTrail audit;
    private final IndexationSujets index;
    private final Clock clock;

    ForumService(TenantTransactions transactions, Espaces espaces, ForumRepository forum, Redaction redaction,
                 Diffusion diffusion, AuditTrail audit, IndexationSujets index, Clock clock) {
        this.transactions = transactions;
        this.espaces = espaces;
        this.forum = forum;
        this.redaction = redaction;
        this.diffusion = diffusion;
        this.audit = audit;
        this.index = index;
        this.clock = clock;
    }

    // reading

    public List<Categorie> categories(Espace espace) {
        return transactions.inScope(Scope.lecture(Espaces.scope(espace)), () -> forum.categories(espace.id()));
    }

    public List<Sujet> sujets(Actor actor, EspaceVu espace, Categorie categorie, int limite) {
        boolean moderateur = espaces.decider(actor, espace, ActionEspace.MODERER).autorisee();
        return transactions.inScope(Scope.lecture(Espaces.scope(espace.espace())),
                () -> forum.sujets(categorie.id(), moderateur, id(actor), limite));
    }

    public List<Sujet> derniersSujets(Espace espace, int limite) {
        return transactions.inScope(Scope.lecture(Espaces.scope(espace)), () -> forum.derniersSujets(Set.of(espace.id()), limite));
    }

    /** A category and its space, checked for {@code action}: 404 when the space is invisible. */
    public Map.Entry<EspaceVu, Categorie> categorie(Actor actor, long categorieId, ActionEspace action) {
        Categorie c = transactions.inScope(Scope.nationalReadOnly(), () -> forum.categorie(categorieId))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Ressource introuvable"));
        return Map.entry(espaces.ouvrir(actor, c.espaceId(), action), c);
    }

    /** The topic for this reader: 404 when its space is invisible, or when it waits for approval and they are neither its author nor a moderator. */
    public SujetOuvert ouvrir(Actor actor, long sujetId, ActionEspace action) {
        Sujet s = transactions.inScope(Scope.nationalReadOnly(), () -> forum.sujet(sujetId))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Ressource introuvable"));
        EspaceVu espace = espaces.ouvrir(actor, s.espaceId(), ActionEspace.VOIR);
        boolean moderateur = espaces.decider(actor, espace, ActionEspace.MODERER).autorisee();
        if (s.enAttente() && !moderateur && s.auteurId() != id(actor)) {
            Acces.exiger(Decision.INTROUVABLE);
        }
        if (action != ActionEspace.VOIR) {
            Acces.exiger(espaces.decider(actor, espace, action));
        }
        Categorie c = transactions.inScope(Scope.nationalReadOnly(), () -> forum.categorie(s.categorieId())).orElseThrow();
        return new SujetOuvert(s, espace, c, moderateur);
    }

    /** The posts a reader sees: pending ones only to moderators and their author. */
    public List<Message> messages(Actor actor, SujetOuvert sujet) {
        long lecteur = id(actor);
        return transactions.inScope(Scope.lecture(Espaces.scope(sujet.espace().espace())), () -> forum.messages(sujet.sujet().id(), lecteur))
                .stream().filter(m -> !m.enAttente() || sujet.moderateur() || m.auteurId() == lecteur).toList();
    }

    public Message message(Actor actor, long messageId) {
        Message m = transactions.inScope(Scope.nationalReadOnly(), () -> forum.message(messageId))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Ressource introuvable"));
        SujetOuvert s = ouvrir(actor, m.sujetId(), ActionEspace.VOIR);
        if ("REFUSE".equals(m.statut()) || m.enAttente() && !s.moderateur() && m.auteurId() != id(actor)) {
            Acces.exiger(Decision.INTROUVABLE);
        }
        return m;
    }

    public List<ForumRepository.Version> versions(Actor actor, long messageId) {
        Message m = message(actor, messageId);
        SujetOuvert s = ouvrir(actor, m.sujetId(), ActionEspace.VOIR);
        if (m.masque() && !s.moderateur()) {
            return List.of();
        }
        return transactions.inScope(Scope.lecture(Espaces.scope(s.espace().espace())), () -> forum.versions(messageId));
    }

    public Optional<ForumRepository.Brouillon> brouillon(Actor actor, Espace espace, String cle) {
        return transactions.inScope(Scope.lecture(Espaces.scope(espace)), () -> forum.brouillon(id(actor), cle));
    }

    // writing

    /** A new topic; it waits for approval when the category asks for it and this is the member's first post in the space. */
    public Sujet creerSujet(Actor actor, long categorieId, String titre, String tagsSaisis, String markdown) {
        Map.Entry<EspaceVu, Categorie> ec = categorie(actor, categorieId, ActionEspace.PARTICIPER);
        Espace espace = ec.getKey().espace();
        Categorie categorie = ec.getValue();
        boolean moderateur = espaces.decider(actor, ec.getKey(), ActionEspace.MODERER).autorisee();
        Formulaire erreurs = new Formulaire();
        String t = Formulaire.texte(titre);
        if (t == null || t.length() > 200) {
            erreurs.erreur("titre", "Saisissez le titre du sujet (200 caractères au plus).");
        }
        verifierTexte(markdown, erreurs);
        List<String> tags = Redaction.tags(tagsSaisis);
        long auteur = id(actor);
        Instant maintenant = clock.instant();
        if (!moderateur) {
            modeLent(categorie, auteur, maintenant, erreurs);
        }
        if (!erreurs.valide()) {
            throw new Formulaire.Invalide(erreurs);
        }
        Redaction.Texte texte = redaction.rediger(markdown.strip(), espace);
        long id = transactions.inScope(Espaces.scope(espace), () -> {
            boolean attente = categorie.approbation() && !moderateur && !forum.aDejaPublie(espace.id(), auteur);
            long sujet = forum.creerSujet(espace.id(), categorie.id(), t, tags, auteur, maintenant, attente);
            long message = forum.creerMessage(espace.id(), sujet, auteur, texte.markdown(), texte.html(), maintenant,
                    attente ? "EN_ATTENTE" : "PUBLIE", List.copyOf(texte.mentionnes()), null);
            forum.supprimerBrouillon(auteur, "categorie:" + categorie.id());
            audit.changement(actor, TypeAction.CREATION, espace.territoire(), OBJET_SUJET, Long.toString(sujet), null,
                    Map.of("titre", t, "categorie", categorie.id(), "message", message, "en_attente", attente));
            if (!attente) {
                diffusion.publier(new EvenementCommunaute(EvenementCommunaute.Type.SUJET, espace.id(), categorie.id(), sujet,
                        Set.copyOf(tags), t, redaction.texte(texte.markdown()), "/communaute/forum/sujets/" + sujet, auteur, texte.mentionnes()));
            }
            return sujet;
        });
        index.synchroniser(id);
        return transactions.inScope(Scope.nationalReadOnly(), () -> forum.sujet(id)).orElseThrow();
    }

    /** A reply (typed in the portal, or received by mail with its Message-ID); returns the post. */
    public Message repondre(Actor actor, long sujetId, String markdown, String messageIdCourriel) {
        SujetOuvert s = ouvrir(actor, sujetId, ActionEspace.PARTICIPER);
        Espace espace = s.espace().espace();
        if (s.sujet().fusionneDans() != null) {
            throw new Refus(HttpStatus.CONFLICT, "Ce sujet a été fusionné avec un autre : répondez dans celui-ci.");
        }
        if (s.sujet().verrouille() && !s.moderateur()) {
            throw new Refus(HttpStatus.CONFLICT, "Ce sujet est verrouillé : on ne peut plus y répondre.");
        }
        Formulaire erreurs = new Formulaire();
        verifierTexte(markdown, erreurs);
        long auteur = id(actor);
        Instant maintenant = clock.instant();
        if (!s.moderateur()) {
            modeLent(s.categorie(), auteur, maintenant, erreurs);
        }
        if (!erreurs.valide()) {
            throw new Formulaire.Invalide(erreurs);
        }
        Redaction.Texte texte = redaction.rediger(markdown.strip(), espace);
        long id = transactions.inScope(Espaces.scope(espace), () -> {
            boolean attente = s.categorie().approbation() && !s.moderateur() && !forum.aDejaPublie(espace.id(), auteur);
            long message = forum.creerMessage(espace.id(), sujetId, auteur, texte.markdown(), texte.html(), maintenant,
                    attente ? "EN_ATTENTE" : "PUBLIE", List.copyOf(texte.mentionnes()), messageIdCourriel);
            forum.supprimerBrouillon(auteur, "sujet:" + sujetId);
            audit.changement(actor, TypeAction.CREATION, espace.territoire(), OBJET_MESSAGE, Long.toString(message), null,
                    Map.of("sujet", sujetId, "en_attente", attente));
            if (!attente) {
                forum.activite(sujetId, maintenant);
                diffusion.publier(new EvenementCommunaute(EvenementCommunaute.Type.REPONSE, espace.id(), s.categorie().id(), sujetId,
                        Set.copyOf(s.sujet().tags()), s.sujet().titre(), redaction.texte(texte.markdown()),
                        "/communaute/forum/sujets/" + sujetId + "#message-" + message, auteur, texte.mentionnes()));
            }
            return message;
        });
        index.synchroniser(sujetId);
        return transactions.inScope(Scope.nationalReadOnly(), () -> forum.message(id)).orElseThrow();
    }

    /** Edits a post (its author, or a moderator); the previous text is kept as a version. */
    public Message modifier(Actor actor, long messageId, int versionAttendue, String markdown) {
        Message avant = message(actor, messageId);
        SujetOuvert s = ouvrir(actor, avant.sujetId(), ActionEspace.PARTICIPER);
        if (avant.auteurId() != id(actor) && !s.moderateur()) {
            Acces.exiger(Decision.REFUSEE);
        }
        Formulaire erreurs = new Formulaire();
        verifierTexte(markdown, erreurs);
        if (!erreurs.valide()) {
            throw new Formulaire.Invalide(erreurs);
        }
        Espace espace = s.espace().espace();
        Redaction.Texte texte = redaction.rediger(markdown.strip(), espace);
        boolean fait = transactions.inScope(Espaces.scope(espace), () -> {
            Message actuel = forum.message(messageId).orElseThrow();
            if (!forum.modifierMessage(actuel, versionAttendue, texte.markdown(), texte.html(), List.copyOf(texte.mentionnes()),
                    id(actor), clock.instant())) {
                return false;
            }
            audit.changement(actor, TypeAction.MODIFICATION, espace.territoire(), OBJET_MESSAGE, Long.toString(messageId),
                    Map.of("version", actuel.version()), Map.of("version", actuel.version() + 1));
            return true;
        });
        if (!fait) {
            throw new ModificationConcurrente(transactions.inScope(Scope.nationalReadOnly(), () -> forum.message(messageId)).orElseThrow());
        }
        index.synchroniser(avant.sujetId());
        return transactions.inScope(Scope.nationalReadOnly(), () -> forum.message(messageId)).orElseThrow();
    }

    /** Thanks a post, or withdraws one's thanks; true when given. */
    public boolean merci(Actor actor, long messageId) {
        Message m = message(actor, messageId);
        SujetOuvert s = ouvrir(actor, m.sujetId(), ActionEspace.PARTICIPER);
        if (m.auteurId() == id(actor)) {
            throw new Refus(HttpStatus.CONFLICT, "On ne se remercie pas soi-même.");
        }
        return transactions.inScope(Espaces.scope(s.espace().espace()), () -> forum.merci(messageId, m.espaceId(), id(actor), clock.instant()));
    }

    /** Marks the topic solved by one of its replies (its author or a moderator), or not solved any more (null). */
    public void resoudre(Actor actor, long sujetId, Long messageId) {
        SujetOuvert s = ouvrir(actor, sujetId, ActionEspace.PARTICIPER);
        if (s.sujet().auteurId() != id(actor) && !s.moderateur()) {
            Acces.exiger(Decision.REFUSEE);
        }
        Espace espace = s.espace().espace();
        transactions.inScope(Espaces.scope(espace), () -> {
            if (messageId != null) {
                Message m = forum.message(messageId).filter(x -> x.sujetId() == sujetId && "PUBLIE".equals(x.statut()) && !x.masque())
                        .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Ressource introuvable"));
                forum.accepter(sujetId, m.id());
                diffusion.publier(new EvenementCommunaute(EvenementCommunaute.Type.SUJET_RESOLU, espace.id(), s.categorie().id(), sujetId,
                        Set.copyOf(s.sujet().tags()), s.sujet().titre(), redaction.texte(m.markdown()),
                        "/communaute/forum/sujets/" + sujetId + "#message-" + m.id(), id(actor), Set.of()));
            } else {
                forum.accepter(sujetId, null);
            }
            Map<String, Object> avant = new HashMap<>();
            avant.put("reponse_acceptee", s.sujet().reponseAccepteeId());
            Map<String, Object> apres = new HashMap<>();
            apres.put("reponse_acceptee", messageId);
            audit.changement(actor, TypeAction.MODIFICATION, espace.territoire(), OBJET_SUJET, Long.toString(sujetId), avant, apres);
            return null;
        });
        // a solved topic is searched (and suggested on new tickets) as such
        index.synchroniser(sujetId);
    }

    /** Keeps the member's draft of a reply ({@code sujet:<id>}) or a new topic ({@code categorie:<id>}). */
    public void enregistrerBrouillon(Actor actor, Espace espace, String cle, String titre, String markdown) {
        String t = titre == null ? "" : titre.strip();
        String md = markdown == null ? "" : markdown;
        if (t.length() > 200 || md.length() > 50_000) {
            throw new Formulaire.Invalide(new Formulaire().erreur("markdown", "Le brouillon est trop long pour être enregistré."));
        }
        transactions.inScope(Espaces.scope(espace), () -> {
            forum.enregistrerBrouillon(id(actor), cle, espace.id(), t, md, clock.instant());
            return null;
        });
    }

    public void signaler(Actor actor, long messageId, String motif, String texte) {
        Message m = message(actor, messageId);
        SujetOuvert s = ouvrir(actor, m.sujetId(), ActionEspace.VOIR);
        Formulaire erreurs = new Formulaire();
        MotifSignalement mo = null;
        try {
            mo = MotifSignalement.valueOf(motif);
        } catch (RuntimeException e) {
            erreurs.erreur("motif", "Choisissez le motif du signalement.");
        }
        String precision = texte == null ? "" : texte.strip();
        if (mo == MotifSignalement.AUTRE && precision.isEmpty()) {
            erreurs.erreur("texte", "Précisez le motif du signalement.");
        }
        if (precision.length() > 1000) {
            erreurs.erreur("texte", "La précision ne doit pas dépasser 1 000 caractères.");
        }
        if (!erreurs.valide()) {
            throw new Formulaire.Invalide(erreurs);
        }
        MotifSignalement motifChoisi = mo;
        Espace espace = s.espace().espace();
        transactions.inScope(Espaces.scope(espace), () -> {
            long id = forum.signaler(espace.id(), messageId, id(actor), motifChoisi, precision, clock.instant());
            audit.changement(actor, TypeAction.CREATION, espace.territoire(), "forum_signalement", Long.toString(id), null,
                    Map.of("message", messageId, "motif", motifChoisi.name()));
            return null;
        });
    }

    private void modeLent(Categorie categorie, long auteur, Instant maintenant, Formulaire erreurs) {
        if (categorie.modeLentSecondes() <= 0) {
            return;
        }
        Optional<Instant> dernier = transactions.inScope(Scope.nationalReadOnly(), () -> forum.dernierMessage(categorie.id(), auteur));
        if (dernier.isPresent()) {
            Duration reste = Duration.between(maintenant, dernier.get().plusSeconds(categorie.modeLentSecondes()));
            if (!reste.isNegative() && !reste.isZero()) {
                erreurs.erreur("markdown", "Cette catégorie est en mode lent (un message toutes les "
                        + duree(Duration.ofSeconds(categorie.modeLentSecondes())) + ") : vous pourrez publier de nouveau dans "
                        + duree(reste) + ". Votre texte est conservé.");
            }
        }
    }

    static String duree(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        if (s < 60) {
            return s + (s == 1 ? " seconde" : " secondes");
        }
        long min = s / 60;
        long sec = s % 60;
        if (min < 60) {
            return min + " min" + (sec == 0 ? "" : " " + sec + " s");
        }
        return (min / 60) + " h " + (min % 60) + " min";
    }

    private static void verifierTexte(String markdown, Formulaire erreurs) {
        if (markdown == null || markdown.isBlank()) {
            erreurs.erreur("markdown", "Saisissez votre message.");
        } else if (markdown.length() > 50_000) {
            erreurs.erreur("markdown", "Le message ne doit pas dépasser 50 000 caractères.");
        }
    }

    static long id(Actor actor) {
        if (actor instanceof Actor.Professionnel p) {
            return p.utilisateurId();
        }
        throw new Refus(HttpStatus.NOT_FOUND, "Ressource introuvable");
    }
}
