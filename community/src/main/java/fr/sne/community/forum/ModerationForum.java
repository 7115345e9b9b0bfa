package fr.sne.community.forum;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceVu;
import fr.sne.community.espace.Espaces;
import fr.sne.community.espace.JournalModeration;
import fr.sne.community.notification.Diffusion;
import fr.sne.community.notification.EvenementCommunaute;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moderators' side of the forums: categories and their settings, the review and approval queues,
 * hiding posts, locking, pinning, moving and merging topics. Each action is audited and written to
 * the space's moderation log with its reason, in the same transaction.
 */
@Singleton
public class ModerationForum {

    /** What a category form holds. */
    public record SaisieCategorie(String nom, String description, String ordre, boolean approbation, String modeLent,
                                  String version, String motif) {
    }

    private final TenantTransactions transactions;
    private final Espaces espaces;
    private final ForumService service;
    private final ForumRepository forum;
    private final JournalModeration journal;
    private final AuditTrail audit;
    private final IndexationSujets index;
    private final Diffusion diffusion;
    private final Redaction redaction;
    private final Clock clock;

    ModerationForum(TenantTransactions transactions, Espaces espaces, ForumService service, ForumRepository forum,
                    JournalModeration journal, AuditTrail audit, IndexationSujets index, Diffusion diffusion, Redaction redaction,
                    Clock clock) {
        this.transactions = transactions;
        this.espaces = espaces;
        this.service = service;
        this.forum = forum;
        this.journal = journal;
        this.audit = audit;
        this.index = index;
        this.diffusion = diffusion;
        this.redaction = redaction;
        this.clock = clock;
    }

    // categories

    public Categorie creerCategorie(Actor actor, String slug, SaisieCategorie s) {
        EspaceVu vu = espaces.ouvrir(actor, slug, ActionEspace.MODERER);
        Espace espace = vu.espace();
        Valeurs v = verifier(s, false);
        long id = transactions.inScope(Espaces.scope(espace), () -> {
            long c = forum.creerCategorie(espace.id(), v.nom, v.description, v.ordre, s.approbation(), v.modeLent);
            audit.changement(actor, TypeAction.CREATION, espace.territoire(), "forum_categorie", Long.toString(c), null, reglages(v.nom, s.approbation(), v.modeLent));
            journal.noter(espace.id(), ForumService.id(actor), "Catégorie créée", v.nom, reglagesEnMots(s.approbation(), v.modeLent));
            return c;
        });
        return transactions.inScope(Scope.nationalReadOnly(), () -> forum.categorie(id)).orElseThrow();
    }

    /** Changes a category's name or settings; the reason is mandatory and logged. */
    public void modifierCategorie(Actor actor, long categorieId, SaisieCategorie s) {
        Map.Entry<EspaceVu, Categorie> ec = service.categorie(actor, categorieId, ActionEspace.MODERER);
        Espace espace = ec.getKey().espace();
        Categorie avant = ec.getValue();
        Valeurs v = verifier(s, true);
        boolean fait = transactions.inScope(Espaces.scope(espace), () -> {
            if (!forum.modifierCategorie(categorieId, v.version, v.nom, v.description, v.ordre, s.approbation(), v.modeLent)) {
                return false;
            }
            audit.changement(actor, TypeAction.MODIFICATION, espace.territoire(), "forum_categorie", Long.toString(categorieId),
                    reglages(avant.nom(), avant.approbation(), avant.modeLentSecondes()), reglages(v.nom, s.approbation(), v.modeLent));
            journal.noter(espace.id(), ForumService.id(actor), "Réglages de catégorie modifiés", v.nom,
                    reglagesEnMots(avant.approbation(), avant.modeLentSecondes()) + " → " + reglagesEnMots(s.approbation(), v.modeLent)
                            + " — " + v.motif);
            return true;
        });
        if (!fait) {
            throw new Refus(HttpStatus.CONFLICT, "Cette catégorie a été modifiée entre-temps : rechargez la page.");
        }
    }

    private record Valeurs(String nom, String description, int ordre, int modeLent, int version, String motif) {
    }

    private static Valeurs verifier(SaisieCategorie s, boolean modification) {
        Formulaire erreurs = new Formulaire();
        String nom = Formulaire.texte(s.nom());
        if (nom == null || nom.length() > 120) {
            erreurs.erreur("nom", "Saisissez le nom de la catégorie (120 caractères au plus).");
        }
        String description = s.description() == null ? "" : s.description().strip();
        if (description.length() > 1000) {
            erreurs.erreur("description", "La description ne doit pas dépasser 1 000 caractères.");
        }
        int ordre = entier(s.ordre(), 0);
        int modeLent = entier(s.modeLent(), 0);
        if (modeLent < 0 || modeLent > 86_400) {
            erreurs.erreur("modeLent", "Saisissez un délai en secondes entre 0 (pas de mode lent) et 86 400 (un jour).");
        }
        String motif = Formulaire.texte(s.motif());
        if (modification && motif == null) {
            erreurs.erreur("motif", "Indiquez la raison du changement : elle figure au journal de modération.");
        }
        if (!erreurs.valide()) {
            throw new Formulaire.Invalide(erreurs);
        }
        return new Valeurs(nom, description, ordre, modeLent, entier(s.version(), 0), motif);
    }

    private static Map<String, Object> reglages(String nom, boolean approbation, int modeLent) {
        return Map.of("nom", nom, "approbation", approbation, "mode_lent_secondes", modeLent);
    }

    static String reglagesEnMots(boolean approbation, int modeLent) {
        return (approbation ? "premiers messages approuvés" : "sans approbation") + ", "
                + (modeLent == 0 ? "sans mode lent" : "mode lent " + modeLent + " s");
    }

    // posts and topics

    public void masquer(Actor actor, long messageId, boolean masque, String motif) {
        Message m = service.message(actor, messageId);
        ForumService.SujetOuvert s = service.ouvrir(actor, m.sujetId(), ActionEspace.MODERER);
        String raison = exigerMotif(motif);
        Espace espace = s.espace().espace();
        transactions.inScope(Espaces.scope(espace), () -> {
            forum.masquer(messageId, masque, raison);
            forum.traiterSignalements(messageId, ForumService.id(actor), masque ? "MASQUE" : "CONSERVE", clock.instant());
            audit.changement(actor, TypeAction.MODIFICATION, espace.territoire(), ForumService.OBJET_MESSAGE, Long.toString(messageId),
                    Map.of("masque", m.masque()), Map.of("masque", masque, "motif", raison));
            journal.noter(espace.id(), ForumService.id(actor), masque ? "Message masqué" : "Message rétabli",
                    "Message de " + m.auteur() + " dans « " + s.sujet().titre() + " »", raison);
            return null;
        });
        index.synchroniser(m.sujetId());
    }

    /** Closes a message's flags without hiding it. */
    public void classerSignalements(Actor actor, long messageId, String motif) {
        Message m = service.message(actor, messageId);
        ForumService.SujetOuvert s = service.ouvrir(actor, m.sujetId(), ActionEspace.MODERER);
        String raison = exigerMotif(motif);
        Espace espace = s.espace().espace();
        transactions.inScope(Espaces.scope(espace), () -> {
            forum.traiterSignalements(messageId, ForumService.id(actor), "CONSERVE", clock.instant());
            audit.changement(actor, TypeAction.MODIFICATION, espace.territoire(), "forum_signalement", Long.toString(messageId),
                    null, Map.of("decision", "CONSERVE", "motif", raison));
            journal.noter(espace.id(), ForumService.id(actor), "Signalements classés sans suite",
                    "Message de " + m.auteur() + " dans « " + s.sujet().titre() + " »", raison);
            return null;
        });
    }

    public void verrouiller(Actor actor, long sujetId, boolean verrouille, String motif) {
        drapeau(actor, sujetId, "verrouille", verrouille, verrouille ? "Sujet verrouillé" : "Sujet déverrouillé", exigerMotif(motif));
    }

    public void epingler(Actor actor, long sujetId, boolean epingle) {
        drapeau(actor, sujetId, "epingle", epingle, epingle ? "Sujet épinglé (annonce)" : "Sujet désépinglé", "");
    }

    private void drapeau(Actor actor, long sujetId, String colonne, boolean valeur, String action, String motif) {
        ForumService.SujetOuvert s = service.ouvrir(actor, sujetId, ActionEspace.MODERER);
        Espace espace = s.espace().espace();
        transactions.inScope(Espaces.scope(espace), () -> {
            forum.drapeau(sujetId, colonne, valeur);
            audit.changement(actor, TypeAction.MODIFICATION, espace.territoire(), ForumService.OBJET_SUJET, Long.toString(sujetId),
                    Map.of(colonne, !valeur), Map.of(colonne, valeur, "motif", motif));
            journal.noter(espace.id(), ForumService.id(actor), action, "« " + s.sujet().titre() + " »", motif);
            return null;
        });
    }

    /** Moves a topic to another category, possibly of another space the moderator also moderates. */
    public void deplacer(Actor actor, long sujetId, long categorieId, String motif) {
        ForumService.SujetOuvert s = service.ouvrir(actor, sujetId, ActionEspace.MODERER);
        Map.Entry<EspaceVu, Categorie> cible = service.categorie(actor, categorieId, ActionEspace.MODERER);
        String raison = exigerMotif(motif);
        Espace source = s.espace().espace();
        Espace destination = cible.getKey().espace();
        // both spaces' rows are written: national scope unless they share a territory
        Scope scope = source.territoire() != null && source.territoire().equals(destination.territoire())
                ? Espaces.scope(source) : Scope.nationalEcriture();
        transactions.inScope(scope, () -> {
            forum.deplacer(sujetId, destination.id(), cible.getValue().id());
            audit.changement(actor, TypeAction.MODIFICATION, source.territoire(), ForumService.OBJET_SUJET, Long.toString(sujetId),
                    Map.of("espace", source.id(), "categorie", s.categorie().id()),
                    Map.of("espace", destination.id(), "categorie", cible.getValue().id(), "motif", raison));
            String objet = "« " + s.sujet().titre() + " » : " + s.categorie().nom() + " → " + cible.getValue().nom()
                    + (source.id() == destination.id() ? "" : " (" + destination.nom() + ")");
            journal.noter(source.id(), ForumService.id(actor), "Sujet déplacé", objet, raison);
            if (source.id() != destination.id()) {
                journal.noter(destination.id(), ForumService.id(actor), "Sujet déplacé", objet, raison);
            }
            return null;
        });
        index.synchroniser(sujetId);
    }

    /**
     * Merges a redundant topic into another of the same space: all its posts join the target (shown
     * in date order), and its address answers with a permanent redirect to the target.
     */
    public void fusionner(Actor actor, long sourceId, long cibleId, String motif) {
        if (sourceId == cibleId) {
            throw new Formulaire.Invalide(new Formulaire().erreur("cible", "Choisissez un autre sujet que celui-ci."));
        }
        ForumService.SujetOuvert source = service.ouvrir(actor, sourceId, ActionEspace.MODERER);
        ForumService.SujetOuvert cible;
        try {
            cible = service.ouvrir(actor, cibleId, ActionEspace.MODERER);
        } catch (Refus e) {
            throw new Formulaire.Invalide(new Formulaire().erreur("cible", "Aucun sujet de votre modération ne porte ce numéro."));
        }
        if (cible.espace().espace().id() != source.espace().espace().id() || cible.sujet().fusionneDans() != null
                || source.sujet().fusionneDans() != null) {
            throw new Formulaire.Invalide(new Formulaire().erreur("cible", "Le sujet cible doit être un sujet actif du même espace."));
        }
        String raison = exigerMotif(motif);
        Espace espace = source.espace().espace();
        transactions.inScope(Espaces.scope(espace), () -> {
            forum.fusionner(sourceId, cibleId);
            audit.changement(actor, TypeAction.MODIFICATION, espace.territoire(), ForumService.OBJET_SUJET, Long.toString(sourceId),
                    Map.of("fusionne_dans", "aucun"), Map.of("fusionne_dans", cibleId, "motif", raison));
            journal.noter(espace.id(), ForumService.id(actor), "Sujets fusionnés",
                    "« " + source.sujet().titre() + " » → « " + cible.sujet().titre() + " »", raison);
            return null;
        });
        index.synchroniser(sourceId);
        index.synchroniser(cibleId);
    }

    // approval queue

    public List<Message> enAttente(Actor actor, String slug) {
        EspaceVu vu = espaces.ouvrir(actor, slug, ActionEspace.MODERER);
        return transactions.inScope(Scope.lecture(Espaces.scope(vu.espace())), () -> forum.enAttente(vu.espace().id()));
    }

    public List<ForumRepository.Signalement> signalements(Actor actor, String slug) {
        EspaceVu vu = espaces.ouvrir(actor, slug, ActionEspace.MODERER);
        return transactions.inScope(Scope.lecture(Espaces.scope(vu.espace())), () -> forum.signalements(vu.espace().id()));
    }

    /** Approves a first post (then its topic, when it opened one, and the event goes out) or refuses it with a reason. */
    public void approuver(Actor actor, long messageId, boolean approuve, String motif) {
        Message m = service.message(actor, messageId);
        ForumService.SujetOuvert s = service.ouvrir(actor, m.sujetId(), ActionEspace.MODERER);
        if (!m.enAttente()) {
            throw new Refus(HttpStatus.CONFLICT, "Ce message a déjà été traité.");
        }
        String raison = approuve ? (motif == null ? "" : motif.strip()) : exigerMotif(motif);
        Espace espace = s.espace().espace();
        boolean ouvreLeSujet = s.sujet().enAttente();
        transactions.inScope(Espaces.scope(espace), () -> {
            forum.statut(messageId, approuve ? "PUBLIE" : "REFUSE");
            if (ouvreLeSujet && approuve) {
                forum.drapeau(s.sujet().id(), "en_attente", false);
            }
            if (approuve) {
                forum.activite(s.sujet().id(), m.creeLe());
                diffusion.publier(new EvenementCommunaute(ouvreLeSujet ? EvenementCommunaute.Type.SUJET : EvenementCommunaute.Type.REPONSE,
                        espace.id(), s.categorie().id(), s.sujet().id(), Set.copyOf(s.sujet().tags()), s.sujet().titre(),
                        redaction.texte(m.markdown()), s.sujet().url() + (ouvreLeSujet ? "" : "#message-" + messageId),
                        m.auteurId(), Set.copyOf(m.mentionnes())));
            }
            audit.changement(actor, TypeAction.MODIFICATION, espace.territoire(), ForumService.OBJET_MESSAGE, Long.toString(messageId),
                    Map.of("statut", "EN_ATTENTE"), Map.of("statut", approuve ? "PUBLIE" : "REFUSE", "motif", raison));
            journal.noter(espace.id(), ForumService.id(actor), approuve ? "Premier message approuvé" : "Premier message refusé",
                    "Message de " + m.auteur() + " dans « " + s.sujet().titre() + " »", raison);
            return null;
        });
        index.synchroniser(s.sujet().id());
    }

    public List<JournalModeration.Entree> journal(Actor actor, String slug) {
        EspaceVu vu = espaces.ouvrir(actor, slug, ActionEspace.MODERER);
        return transactions.inScope(Scope.lecture(Espaces.scope(vu.espace())), () -> journal.entrees(vu.espace().id(), 500));
    }

    private static String exigerMotif(String motif) {
        String m = Formulaire.texte(motif);
        if (m == null) {
            throw new Formulaire.Invalide(new Formulaire().erreur("motif", "Indiquez la raison : elle figure au journal de modération."));
        }
        if (m.length() > 1000) {
            throw new Formulaire.Invalide(new Formulaire().erreur("motif", "La raison ne doit pas dépasser 1 000 caractères."));
        }
        return m;
    }

    private static int entier(String s, int defaut) {
        try {
            return s == null || s.isBlank() ? defaut : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
