package fr.sne.community.assistance;

import fr.sne.community.assistance.equipe.EquipeRepository;
import fr.sne.community.assistance.recherche.IndexationTickets;
import fr.sne.community.assistance.type.Champ;
import fr.sne.community.assistance.type.TypeAssistance;
import fr.sne.community.assistance.type.TypesAssistance;
import fr.sne.community.info.DepotPieces;
import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Support tickets: filing, reading, replies and internal notes, status changes, sharing. Every
 * change runs in its own transaction (call these methods outside any transaction): in the
 * ticket's territory scope for professionals, in a national writable scope for agents; the
 * {@link ObservateurAssistance} beans and the search index are told after the commit.
 */
@Singleton
public class DemandesAssistance {

    private static final Logger LOG = LoggerFactory.getLogger(DemandesAssistance.class);
    static final String OBJET = "ticket_assistance";
    private static final Pattern GUICHET = Pattern.compile("[0-9A-Z]{5}");
    private static final Pattern NUMERO_UNIQUE = Pattern.compile("\\d{3}(0[1-9]|1[0-2])\\d{2}\\d{6}[0-9A-Z]{5}");
    /** Agents write every ticket whatever its territory. */

    private final TenantTransactions transactions;
    private final TicketRepository tickets;
    private final TypesAssistance types;
    private final EquipeRepository equipes;
    private final AuditTrail audit;
    private final Clock clock;
    private final BeanProvider<ObservateurAssistance> observateurs;
    private final IndexationTickets index;
    private final ObjectStorage stockage;
    private final DepotPieces depots;

    DemandesAssistance(TenantTransactions transactions, TicketRepository tickets, TypesAssistance types, EquipeRepository equipes,
                       AuditTrail audit, Clock clock, BeanProvider<ObservateurAssistance> observateurs, IndexationTickets index,
                       ObjectStorage stockage, DepotPieces depots) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.types = types;
        this.equipes = equipes;
        this.audit = audit;
        this.clock = clock;
        this.observateurs = observateurs;
        this.index = index;
        this.stockage = stockage;
        this.depots = depots;
    }

    // Reading without an actor (inbound mail, jobs) --------------------------------------------------

    public Optional<Ticket> parId(long id) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> tickets.parId(id));
    }

    /** By key, e.g. {@code AST-2026-000123} (case-insensitive, surrounding spaces ignored). */
    public Optional<Ticket> parCle(String cle) {
        if (cle == null || !Ticket.CLE.matcher(cle.strip().toUpperCase(java.util.Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        return transactions.inScope(Scope.nationalReadOnly(), () -> tickets.parCle(cle.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    /** The first key found in a text (a mail subject), if any. */
    public static Optional<String> cleDans(String texte) {
        if (texte == null) {
            return Optional.empty();
        }
        var m = Ticket.CLE.matcher(texte);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /**
     * Everybody involved, with whether they may reply: the requester, explicit participants and
     * the assigned agent may ({@link Participant#peutCommenter()}), readers of the shared
     * organisation and teams may not. Agents who are not assigned are not listed (every agent may reply).
     */
    public List<Participant> participants(long ticketId) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> tickets.parId(ticketId).map(tickets::participants).orElse(List.of()));
    }

    /** Whether this user may reply to the ticket (by page or by mail). */
    public boolean peutCommenter(long ticketId, long utilisateurId) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> tickets.parId(ticketId)
                .map(t -> AssistancePolicy.peutCommenter(t, tickets.participantsExplicites(ticketId), utilisateurId,
                        tickets.estAgent(utilisateurId)))
                .orElse(false));
    }

    public Optional<Commentaire> commentaireParMessageId(String messageId) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> tickets.commentaireParMessageId(messageId));
    }

    // Reading as an actor ----------------------------------------------------------------------------

    /** What decides an actor's access (their teams are read here). */
    public Lecteur lecteur(Actor actor) {
        if (!(actor instanceof Actor.Professionnel p)) {
            return new Lecteur(-1, false, Set.of(), Set.of());
        }
        Set<Long> siennes = transactions.inScope(Scope.nationalReadOnly(), () -> equipes.idsDe(p.utilisateurId()));
        return new Lecteur(p.utilisateurId(), AssistancePolicy.agent(actor), AssistancePolicy.organisations(actor), siennes);
    }

    /** A ticket and what the actor may see of it; 404 when they may not see it. */
    public record Vue(Ticket ticket, List<Commentaire> commentaires, List<TicketRepository.Piece> pieces,
                      List<String> equipes, Set<Long> equipeIds, List<Participant> participants,
                      List<TicketRepository.Evenement> historique, boolean agent, boolean peutCommenter, boolean peutPartager) {
    }

    public Vue consulter(Actor actor, String cle) {
        Lecteur lecteur = lecteur(actor);
        Vue vue = transactions.inScope(Scope.nationalReadOnly(), () -> {
            Ticket t = tickets.parCle(cle == null ? "" : cle.strip().toUpperCase(java.util.Locale.ROOT)).orElseThrow(DemandesAssistance::introuvable);
            Set<Long> eq = tickets.equipes(t.id());
            Set<Long> participants = tickets.participantsExplicites(t.id());
            exiger(AssistancePolicy.decider(lecteur, t, eq, participants, ActionTicket.VOIR));
            boolean notes = AssistancePolicy.decider(lecteur, t, eq, participants, ActionTicket.NOTES_INTERNES).autorisee();
            return new Vue(t, tickets.commentaires(t.id(), notes), tickets.pieces(t.id(), notes), tickets.nomsEquipes(t.id()), eq,
                    tickets.participants(t), tickets.historique(t.id()), lecteur.agent(),
                    AssistancePolicy.decider(lecteur, t, eq, participants, ActionTicket.COMMENTER).autorisee(),
                    AssistancePolicy.decider(lecteur, t, eq, participants, ActionTicket.PARTAGER).autorisee());
        });
        audit.lecture(actor, TypeAction.LECTURE, vue.ticket().territoire(), OBJET, vue.ticket().cle(), Map.of());
        return vue;
    }

    /** A requester's list ("Mes demandes") or, for agents without {@code portee}, the queue. */
    public TicketRepository.Page lister(Actor actor, TicketRepository.Criteres criteres, int page, int parPage) {
        Lecteur lecteur = lecteur(actor);
        if (lecteur.utilisateurId() < 0) {
            throw new Refus(HttpStatus.FORBIDDEN, "Seuls les professionnels habilités ont des demandes d’assistance.");
        }
        return transactions.inScope(Scope.nationalReadOnly(), () -> tickets.lister(lecteur, criteres, page, parPage));
    }

    // Filing -----------------------------------------------------------------------------------------

    public Ticket creer(Actor actor, SaisieTicket saisie) {
        exiger(AssistancePolicy.creer(actor));
        Actor.Professionnel p = (Actor.Professionnel) actor;
        Formulaire erreurs = new Formulaire();
        TypeAssistance type = null;
        Long typeId = entier(saisie.typeId());
        if (typeId == null) {
            erreurs.erreur("type", "Choisissez le type de votre demande.");
        } else {
            type = transactions.inScope(Scope.nationalReadOnly(), () -> types.parId(typeId)).filter(TypeAssistance::actif).orElse(null);
            if (type == null) {
                erreurs.erreur("type", "Ce type de demande n’existe pas : choisissez-en un dans la liste.");
            }
        }
        Priorite priorite = Priorite.parCode(saisie.priorite());
        if (priorite == null) {
            erreurs.erreur("priorite", "Choisissez la priorité.");
        }
        String resume = Formulaire.texte(saisie.resume());
        if (resume == null) {
            erreurs.erreur("resume", "Résumez votre demande en une phrase.");
        } else if (resume.length() > 200) {
            erreurs.erreur("resume", "Le résumé ne doit pas dépasser 200 caractères.");
        }
        String description = Formulaire.texte(saisie.description());
        if (description == null) {
            erreurs.erreur("description", "Décrivez votre demande : ce que vous faisiez, ce qui s’est passé, ce que vous attendiez.");
        } else if (description.length() > 20_000) {
            erreurs.erreur("description", "La description ne doit pas dépasser 20 000 caractères.");
        }
        Map<String, String> champs = type == null ? Map.of() : champs(type, saisie.champs(), erreurs);
        Set<Long> siennes = transactions.inScope(Scope.nationalReadOnly(), () -> equipes.idsDe(p.utilisateurId()));
        if (!siennes.containsAll(saisie.equipes())) {
            erreurs.erreur("equipes", "Vous ne pouvez partager qu’avec vos équipes.");
        }
        Organisation organisation = AssistancePolicy.organisationActive(actor).orElse(null);
        if (saisie.partageOrganisation() && organisation == null) {
            erreurs.erreur("partageOrganisation", "Votre habilitation ne relève d’aucune organisation.");
        }
        erreurs.verifier();
        String territoire = AssistancePolicy.territoire(actor);
        Instant maintenant = clock.instant();
        TypeAssistance t = type;
        TicketRepository.Nouveau nouveau = new TicketRepository.Nouveau(territoire, t.id(), t.application(), t.theme(), priorite,
                resume, description, champs, p.utilisateurId(), organisation, saisie.partageOrganisation(), maintenant);
        Ticket cree = transactions.inScope(Scope.ecriture(territoire), () -> {
            long id = tickets.inserer(nouveau);
            tickets.partagerEquipes(id, saisie.equipes());
            tickets.historique(id, null, StatutTicket.OUVERT.name(), p.utilisateurId(), maintenant);
            Ticket ticket = tickets.parId(id).orElseThrow();
            audit.changement(actor, TypeAction.CREATION, territoire, OBJET, ticket.cle(), null, Map.of("type", t.code(),
                    "priorite", priorite.name(), "partageOrganisation", saisie.partageOrganisation(), "equipes", saisie.equipes()));
            return ticket;
        });
        index.synchroniser(cree.id());
        notifier(o -> o.creation(cree));
        return cree;
    }

    /** Checks the type's own fields; returns the values kept (blank optional ones left out). */
    static Map<String, String> champs(TypeAssistance type, Map<String, String> saisis, Formulaire erreurs) {
        Map<String, String> valeurs = new LinkedHashMap<>();
        for (Champ c : type.champs()) {
            String v = Formulaire.texte(saisis.get(c.code()));
            if (v == null) {
                if (c.obligatoire()) {
                    erreurs.erreur(c.nomFormulaire(), "Renseignez le champ « " + c.libelle() + " ».");
                }
                continue;
            }
            switch (c.nature()) {
                case CHOIX -> {
                    if (!c.choix().contains(v)) {
                        erreurs.erreur(c.nomFormulaire(), "Choisissez une valeur de la liste : " + String.join(", ", c.choix()) + ".");
                    }
                }
                case GUICHET -> {
                    v = v.toUpperCase(java.util.Locale.ROOT);
                    if (!GUICHET.matcher(v).matches()) {
                        erreurs.erreur(c.nomFormulaire(), "Le code du guichet compte 5 chiffres ou lettres majuscules, par exemple 38001.");
                    }
                }
                case NUMERO_UNIQUE -> {
                    v = v.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
                    if (!NUMERO_UNIQUE.matcher(v).matches()) {
                        erreurs.erreur(c.nomFormulaire(), "Le numéro unique compte 18 caractères : département (3 chiffres), "
                                + "mois et année (4 chiffres), rang (6 chiffres) et guichet (5 caractères), par exemple 038012600001238001.");
                    }
                }
                case TEXTE -> {
                    if (v.length() > 500) {
                        erreurs.erreur(c.nomFormulaire(), "Ce champ ne doit pas dépasser 500 caractères.");
                    }
                }
            }
            valeurs.put(c.code(), v);
        }
        return valeurs;
    }

    // Replies ----------------------------------------------------------------------------------------

    /** A reply or note from a page. */
    public Commentaire commenter(Actor actor, String cle, String texte, boolean publique) {
        Lecteur lecteur = lecteur(actor);
        Ticket t = ouvrir(lecteur, cle, publique ? ActionTicket.COMMENTER : ActionTicket.NOTES_INTERNES);
        String corps = Formulaire.texte(texte);
        if (corps == null || corps.length() > 20_000) {
            throw new Formulaire.Invalide(new Formulaire().erreur("texte", corps == null ? "Écrivez votre message."
                    : "Le message ne doit pas dépasser 20 000 caractères."));
        }
        return ecrireCommentaire(actor, t.id(), lecteur.utilisateurId(), lecteur.agent(), corps, publique, null).orElseThrow();
    }

    /**
     * Adds a comment on behalf of a user (e.g. a reply by mail); idempotent on the mail's
     * Message-ID: the same mail twice gives the comment recorded the first time. Refused (403)
     * when the author may not reply ({@link #peutCommenter}), or for an internal note by a non-agent.
     */
    public Commentaire commenter(long ticketId, long auteurId, String texte, boolean publique, String messageIdCourriel) {
        if (messageIdCourriel != null) {
            Optional<Commentaire> deja = commentaireParMessageId(messageIdCourriel);
            if (deja.isPresent()) {
                return deja.get();
            }
        }
        boolean agent = transactions.inScope(Scope.nationalReadOnly(), () -> tickets.estAgent(auteurId));
        String corps = Formulaire.texte(texte);
        if (corps == null) {
            throw new Refus(HttpStatus.UNPROCESSABLE_ENTITY, "Le message est vide.");
        }
        if (corps.length() > 20_000) {
            corps = corps.substring(0, 20_000);
        }
        return ecrireCommentaire(new Actor.Systeme("courriel:" + auteurId), ticketId, auteurId, agent, corps, publique, messageIdCourriel)
                .orElseGet(() -> commentaireParMessageId(messageIdCourriel).orElseThrow());
    }

    private Optional<Commentaire> ecrireCommentaire(Actor actor, long ticketId, long auteurId, boolean agent, String corps,
                                                    boolean publique, String messageId) {
        if (!publique && !agent) {
            throw new Refus(HttpStatus.FORBIDDEN, "Seule l’assistance nationale peut écrire des notes internes.");
        }
        Ticket avant = parId(ticketId).orElseThrow(DemandesAssistance::introuvable);
        Instant maintenant = clock.instant();
        record Resultat(Commentaire commentaire, Ticket ticket, StatutTicket ancien, StatutTicket nouveau) {
        }
        Optional<Resultat> r = transactions.inScope(agent ? Scope.nationalEcriture() : Scope.ecriture(avant.territoire()), () -> {
            Ticket t = tickets.verrouiller(ticketId).orElseThrow(DemandesAssistance::introuvable);
            if (!AssistancePolicy.peutCommenter(t, tickets.participantsExplicites(ticketId), auteurId, agent)) {
                throw new Refus(HttpStatus.FORBIDDEN, t.statut() == StatutTicket.TERMINE
                        ? "Cette demande est terminée : créez une nouvelle demande en citant sa référence " + t.cle() + "."
                        : "Seuls le demandeur, les participants et l’assistance peuvent répondre à cette demande.");
            }
            Optional<Long> id = tickets.ajouterCommentaire(ticketId, auteurId, corps, publique, messageId, maintenant);
            if (id.isEmpty()) {
                return Optional.<Resultat>empty();
            }
            StatutTicket nouveau = t.statut();
            if (publique && agent && t.demandeurId() != auteurId) {
                tickets.premiereReponse(ticketId, maintenant);
                if (t.statut() == StatutTicket.OUVERT) {
                    nouveau = StatutTicket.EN_COURS;
                }
            } else if (publique && !agent) {
                // the requester's side answered: a resolved ticket reopens, a waiting one goes back to the agents
                if (t.statut() == StatutTicket.RESOLU || t.statut() == StatutTicket.EN_ATTENTE_DEMANDEUR) {
                    nouveau = t.agentId() == null ? StatutTicket.OUVERT : StatutTicket.EN_COURS;
                }
            }
            if (nouveau != t.statut()) {
                tickets.changerStatut(ticketId, t.statut(), nouveau, auteurId, maintenant);
            } else {
                tickets.toucher(ticketId, maintenant);
            }
            audit.changement(actor, TypeAction.CREATION, t.territoire(), OBJET, t.cle(), null,
                    Map.of("commentaire", id.get(), "publique", publique, "courriel", messageId != null));
            return Optional.of(new Resultat(tickets.commentaire(id.get()).orElseThrow(), tickets.parId(ticketId).orElseThrow(),
                    t.statut(), nouveau));
        });
        r.ifPresent(res -> {
            index.synchroniser(ticketId);
            if (res.commentaire().publique()) {
                notifier(o -> o.reponsePublique(res.ticket(), res.commentaire()));
            }
            apresChangement(res.ticket(), res.ancien(), res.nouveau(), auteurId);
        });
        return r.map(Resultat::commentaire);
    }

    // Handling ---------------------------------------------------------------------------------------

    /** An agent (or the requester closing their own resolved ticket... not offered) changes the status. */
    public Ticket changerStatut(Actor actor, String cle, StatutTicket nouveau) {
        Lecteur lecteur = lecteur(actor);
        Ticket t = ouvrir(lecteur, cle, ActionTicket.TRAITER);
        return changerStatut(actor, t.id(), nouveau, lecteur.utilisateurId());
    }

    /** Changes the status (agents' pages, the automatic closing with {@code auteurId} null). */
    public Ticket changerStatut(Actor actor, long ticketId, StatutTicket nouveau, Long auteurId) {
        Instant maintenant = clock.instant();
        record Resultat(Ticket ticket, StatutTicket ancien) {
        }
        Resultat r = transactions.inScope(Scope.nationalEcriture(), () -> {
            Ticket t = tickets.verrouiller(ticketId).orElseThrow(DemandesAssistance::introuvable);
            if (t.statut() == nouveau) {
                return new Resultat(t, t.statut());
            }
            tickets.changerStatut(ticketId, t.statut(), nouveau, auteurId, maintenant);
            audit.changement(actor, TypeAction.MODIFICATION, t.territoire(), OBJET, t.cle(), Map.of("statut", t.statut().name()),
                    Map.of("statut", nouveau.name()));
            return new Resultat(tickets.parId(ticketId).orElseThrow(), t.statut());
        });
        if (r.ancien() != nouveau) {
            index.synchroniser(ticketId);
            apresChangement(r.ticket(), r.ancien(), nouveau, auteurId);
        }
        return r.ticket();
    }

    public Ticket assigner(Actor actor, String cle, Long agentId) {
        Lecteur lecteur = lecteur(actor);
        Ticket t = ouvrir(lecteur, cle, ActionTicket.TRAITER);
        Instant maintenant = clock.instant();
        Ticket apres = transactions.inScope(Scope.nationalEcriture(), () -> {
            if (agentId != null && !tickets.estAgent(agentId)) {
                throw new Formulaire.Invalide(new Formulaire().erreur("agent", "Choisissez un agent de l’assistance nationale."));
            }
            tickets.assigner(t.id(), agentId, maintenant);
            audit.changement(actor, TypeAction.MODIFICATION, t.territoire(), OBJET, t.cle(),
                    java.util.Collections.singletonMap("agent", t.agentId()), java.util.Collections.singletonMap("agent", agentId));
            return tickets.parId(t.id()).orElseThrow();
        });
        if (agentId != null && t.statut() == StatutTicket.OUVERT) {
            return changerStatut(actor, t.id(), StatutTicket.EN_COURS, lecteur.utilisateurId());
        }
        return apres;
    }

    /** The requester or an agent adds a participant (a professional, by e-mail). */
    public void ajouterParticipant(Actor actor, String cle, String courriel) {
        Lecteur lecteur = lecteur(actor);
        Ticket t = ouvrir(lecteur, cle, ActionTicket.PARTAGER);
        String adresse = Formulaire.texte(courriel);
        Long id = adresse == null ? null : transactions.inScope(Scope.nationalReadOnly(), () -> equipes.utilisateurParCourriel(adresse)).orElse(null);
        if (id == null) {
            throw new Formulaire.Invalide(new Formulaire().erreur("courriel",
                    "Aucun professionnel n’a cette adresse électronique sur SNE : vérifiez-la."));
        }
        Instant maintenant = clock.instant();
        transactions.inScope(lecteur.agent() ? Scope.nationalEcriture() : Scope.ecriture(t.territoire()), () -> {
            if (tickets.ajouterParticipant(t.id(), id, lecteur.utilisateurId(), maintenant)) {
                audit.changement(actor, TypeAction.MODIFICATION, t.territoire(), OBJET, t.cle(), null, Map.of("participant", id));
            }
            return null;
        });
        index.synchroniser(t.id());
    }

    /** The requester (their teams) or an agent (any team) changes the sharing. */
    public void partager(Actor actor, String cle, boolean organisation, Set<Long> equipesChoisies) {
        Lecteur lecteur = lecteur(actor);
        Ticket t = ouvrir(lecteur, cle, ActionTicket.PARTAGER);
        Set<Long> actuelles = transactions.inScope(Scope.nationalReadOnly(), () -> tickets.equipes(t.id()));
        if (!lecteur.agent()) {
            // a requester may keep teams an agent added, and add only their own
            Set<Long> ajoutees = new java.util.HashSet<>(equipesChoisies);
            ajoutees.removeAll(actuelles);
            if (!lecteur.equipes().containsAll(ajoutees)) {
                throw new Formulaire.Invalide(new Formulaire().erreur("equipes", "Vous ne pouvez partager qu’avec vos équipes."));
            }
        }
        transactions.inScope(lecteur.agent() ? Scope.nationalEcriture() : Scope.ecriture(t.territoire()), () -> {
            tickets.partagerOrganisation(t.id(), organisation);
            tickets.partagerEquipes(t.id(), equipesChoisies);
            audit.changement(actor, TypeAction.MODIFICATION, t.territoire(), OBJET, t.cle(),
                    Map.of("partageOrganisation", t.partageOrganisation(), "equipes", actuelles),
                    Map.of("partageOrganisation", organisation, "equipes", equipesChoisies));
            return null;
        });
        index.synchroniser(t.id());
    }

    /** Attaches a file (checked format and size, Tika text for search) to the ticket. */
    public TicketRepository.Piece ajouterPiece(Actor actor, String cle, String nomFichier, Path fichier) {
        Lecteur lecteur = lecteur(actor);
        Ticket t = ouvrir(lecteur, cle, ActionTicket.COMMENTER);
        DepotPieces.Depot d = depots.deposer(t.territoire(), "assistance", t.id(), nomFichier, fichier);
        String cleObjet = d.cleObjet();
        Instant maintenant = clock.instant();
        try {
            TicketRepository.Piece piece = transactions.inScope(lecteur.agent() ? Scope.nationalEcriture() : Scope.ecriture(t.territoire()), () -> {
                long id = tickets.ajouterPiece(t.id(), null, d.nom(), d.typeMime(), d.taille(), cleObjet, d.texte(), maintenant);
                tickets.toucher(t.id(), maintenant);
                audit.changement(actor, TypeAction.CREATION, t.territoire(), OBJET, t.cle(), null,
                        Map.of("piece", id, "nom", d.nom(), "taille", d.taille()));
                return tickets.pieces(t.id(), true).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
            });
            index.synchroniser(t.id());
            return piece;
        } catch (RuntimeException e) {
            try {
                stockage.supprimer(cleObjet);
            } catch (Exception ignored) {
                // an orphan object is harmless: nothing points to it
            }
            throw e;
        }
    }

    /**
     * Attaches a file received with a reply by mail to that reply's comment (same checks as the
     * pages: format, size, Tika text). False, and nothing stored, when the file is refused.
     */
    public boolean ajouterPieceCourriel(long commentaireId, String nomFichier, Path fichier) {
        Commentaire c = transactions.inScope(Scope.nationalReadOnly(), () -> tickets.commentaire(commentaireId))
                .orElseThrow(DemandesAssistance::introuvable);
        Ticket t = parId(c.ticketId()).orElseThrow(DemandesAssistance::introuvable);
        java.util.Optional<DepotPieces.Depot> depot = depots.deposerSiAccepte(t.territoire(), "assistance", t.id(), nomFichier, fichier);
        if (depot.isEmpty()) {
            return false;
        }
        DepotPieces.Depot d = depot.get();
        String cleObjet = d.cleObjet();
        Instant maintenant = clock.instant();
        Actor systeme = new Actor.Systeme("courriel:" + c.auteurId());
        try {
            transactions.inScope(c.auteurAgent() ? Scope.nationalEcriture() : Scope.ecriture(t.territoire()), () -> {
                long id = tickets.ajouterPiece(t.id(), commentaireId, d.nom(), d.typeMime(), d.taille(), cleObjet, d.texte(), maintenant);
                audit.changement(systeme, TypeAction.CREATION, t.territoire(), OBJET, t.cle(), null,
                        Map.of("piece", id, "nom", d.nom(), "taille", d.taille(), "courriel", true));
                return id;
            });
        } catch (RuntimeException e) {
            try {
                stockage.supprimer(cleObjet);
            } catch (Exception ignored) {
                // an orphan object is harmless: nothing points to it
            }
            throw e;
        }
        index.synchroniser(t.id());
        return true;
    }

    /** An attachment the actor may download (404 otherwise). */
    public TicketRepository.Piece piece(Actor actor, String cle, long pieceId) {
        Vue vue = consulter(actor, cle);
        return vue.pieces().stream().filter(p -> p.id() == pieceId).findFirst().orElseThrow(DemandesAssistance::introuvable);
    }

    public java.io.InputStream lirePiece(TicketRepository.Piece piece) {
        try {
            return stockage.lire(piece.cleObjet());
        } catch (Exception e) {
            throw new Refus(HttpStatus.SERVICE_UNAVAILABLE, "Le fichier est momentanément indisponible : réessayez plus tard.");
        }
    }

    // Deflections ------------------------------------------------------------------------------------

    /** "Ma question est résolue": the requester found the answer and files nothing. */
    public void deflexion(Actor actor, String typeId, String resume, String url) {
        exiger(AssistancePolicy.creer(actor));
        Actor.Professionnel p = (Actor.Professionnel) actor;
        String territoire = AssistancePolicy.territoire(actor);
        Long type = entier(typeId);
        String r = resume == null ? "" : resume.strip();
        String u = url == null || url.isBlank() || !url.startsWith("/") || url.length() > 500 ? null : url.strip();
        Instant maintenant = clock.instant();
        transactions.inScope(Scope.ecriture(territoire), () -> {
            Long typeConnu = type == null ? null : types.parId(type).map(TypeAssistance::id).orElse(null);
            tickets.deflexion(territoire, p.utilisateurId(), typeConnu, r.length() > 200 ? r.substring(0, 200) : r, u, maintenant);
            return null;
        });
    }

    // Jobs -------------------------------------------------------------------------------------------

    /** Closes the tickets resolved for {@code jours} days at {@code maintenant}; returns how many. */
    public int cloturerResolus(Instant maintenant, int jours) {
        Instant limite = maintenant.minus(java.time.Duration.ofDays(jours));
        List<Long> ids = transactions.inScope(Scope.nationalReadOnly(), () -> tickets.resolusAvant(limite));
        int n = 0;
        Actor systeme = new Actor.Systeme("cloture-assistance");
        for (long id : ids) {
            Ticket t = changerStatutSiResolu(systeme, id, limite);
            if (t != null) {
                n++;
            }
        }
        return n;
    }

    private Ticket changerStatutSiResolu(Actor systeme, long id, Instant limite) {
        record Resultat(Ticket ticket) {
        }
        Instant maintenant = clock.instant();
        Resultat r = transactions.inScope(Scope.nationalEcriture(), () -> {
            Ticket t = tickets.verrouiller(id).orElse(null);
            // reopened or changed since the list was read: leave it
            if (t == null || t.statut() != StatutTicket.RESOLU || t.resoluLe() == null || t.resoluLe().isAfter(limite)) {
                return null;
            }
            tickets.changerStatut(id, StatutTicket.RESOLU, StatutTicket.TERMINE, null, maintenant);
            audit.changement(systeme, TypeAction.MODIFICATION, t.territoire(), OBJET, t.cle(), Map.of("statut", "RESOLU"),
                    Map.of("statut", "TERMINE", "motif", "Clôture automatique"));
            return new Resultat(tickets.parId(id).orElseThrow());
        });
        if (r == null) {
            return null;
        }
        index.synchroniser(id);
        apresChangement(r.ticket(), StatutTicket.RESOLU, StatutTicket.TERMINE, null);
        return r.ticket();
    }

    // Helpers ----------------------------------------------------------------------------------------

    /** The ticket if the reader may do {@code action}; 404 or 403 otherwise. */
    Ticket ouvrir(Lecteur lecteur, String cle, ActionTicket action) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> {
            Ticket t = tickets.parCle(cle == null ? "" : cle.strip().toUpperCase(java.util.Locale.ROOT)).orElseThrow(DemandesAssistance::introuvable);
            Set<Long> eq = tickets.equipes(t.id());
            Set<Long> participants = tickets.participantsExplicites(t.id());
            exiger(AssistancePolicy.decider(lecteur, t, eq, participants, AssistancePolicy.decider(lecteur, t, eq, participants,
                    ActionTicket.VOIR) == Decision.INTROUVABLE ? ActionTicket.VOIR : action));
            return t;
        });
    }

    private void apresChangement(Ticket ticket, StatutTicket ancien, StatutTicket nouveau, Long auteurId) {
        if (ancien == nouveau) {
            return;
        }
        notifier(o -> o.changementStatut(ticket, ancien, nouveau, auteurId));
        if (ancien == StatutTicket.RESOLU && nouveau.actif()) {
            notifier(o -> o.reouverture(ticket, auteurId));
        }
    }

    private void notifier(Consumer<ObservateurAssistance> appel) {
        observateurs.stream().forEach(o -> {
            try {
                appel.accept(o);
            } catch (RuntimeException e) {
                LOG.warn("Observateur {} en échec (la demande est enregistrée) : {}", o.getClass().getSimpleName(), e.toString());
            }
        });
    }

    static Refus introuvable() {
        return new Refus(HttpStatus.NOT_FOUND, "Demande d’assistance introuvable");
    }

    private static void exiger(Decision d) {
        switch (d) {
            case AUTORISEE -> {
            }
            case INTROUVABLE -> throw introuvable();
            case REFUSEE -> throw new Refus(HttpStatus.FORBIDDEN, "Vous n’avez pas accès à cette action sur les demandes d’assistance.");
        }
    }

    private static Long entier(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }


}
