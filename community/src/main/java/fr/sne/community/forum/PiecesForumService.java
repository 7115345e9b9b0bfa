package fr.sne.community.forum;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.Espaces;
import fr.sne.community.info.DepotPieces;
import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Files attached to posts: checked as the information site's attachments (formats, 20 MB), bytes
 * to object storage first, then the row with the text extracted for search. Readable by whoever
 * reads the post.
 */
@Singleton
public class PiecesForumService {

    private static final Logger LOG = LoggerFactory.getLogger(PiecesForumService.class);

    private final TenantTransactions transactions;
    private final ForumService service;
    private final ForumRepository forum;
    private final ObjectStorage stockage;
    private final DepotPieces depots;
    private final AuditTrail audit;
    private final IndexationSujets index;
    private final Clock clock;

    PiecesForumService(TenantTransactions transactions, ForumService service, ForumRepository forum, ObjectStorage stockage,
                       DepotPieces depots, AuditTrail audit, IndexationSujets index, Clock clock) {
        this.transactions = transactions;
        this.service = service;
        this.forum = forum;
        this.stockage = stockage;
        this.depots = depots;
        this.audit = audit;
        this.index = index;
        this.clock = clock;
    }

    /** Attaches a file to one's own post (or, for a moderator, to any post). */
    public PieceForum ajouter(Actor actor, long messageId, String nomFichier, Path fichier) {
        Message m = service.message(actor, messageId);
        ForumService.SujetOuvert s = service.ouvrir(actor, m.sujetId(), ActionEspace.PARTICIPER);
        if (m.auteurId() != ForumService.id(actor) && !s.moderateur()) {
            Acces.exiger(Decision.REFUSEE);
        }
        Espace espace = s.espace().espace();
        DepotPieces.Depot d = depots.deposer(espace.territoire(), "forum", messageId, nomFichier, fichier);
        long id = transactions.inScope(Espaces.scope(espace), () -> {
            long p = forum.ajouterPiece(espace.id(), messageId, ForumService.id(actor), d.nom(), d.typeMime(), d.taille(), d.cleObjet(), d.texte(), clock.instant());
            audit.changement(actor, TypeAction.CREATION, espace.territoire(), "forum_piece", Long.toString(p), null,
                    Map.of("message", messageId, "nom", d.nom(), "taille", d.taille(), "typeMime", d.typeMime()));
            return p;
        });
        index.synchroniser(m.sujetId());
        return transactions.inScope(Scope.nationalReadOnly(), () -> forum.piece(id)).orElseThrow();
    }

    /** The file if the actor may read its post (a hidden post's files: moderators only). */
    public PieceForum piece(Actor actor, long id) {
        PieceForum p = transactions.inScope(Scope.nationalReadOnly(), () -> forum.piece(id))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Fichier introuvable"));
        Message m = service.message(actor, p.messageId());
        ForumService.SujetOuvert s = service.ouvrir(actor, m.sujetId(), ActionEspace.VOIR);
        if (m.masque() && !s.moderateur()) {
            Acces.exiger(Decision.INTROUVABLE);
        }
        return p;
    }

    public InputStream lire(PieceForum piece) {
        try {
            return stockage.lire(piece.cleObjet());
        } catch (Exception e) {
            LOG.warn("Pièce {} illisible dans le stockage : {}", piece.id(), e.toString());
            throw new Refus(HttpStatus.SERVICE_UNAVAILABLE, "Le fichier est momentanément indisponible : réessayez dans quelques instants.");
        }
    }

    public List<PieceForum> pieces(ForumService.SujetOuvert sujet) {
        return transactions.inScope(Scope.lecture(Espaces.scope(sujet.espace().espace())), () -> forum.pieces(sujet.sujet().id()));
    }
}
