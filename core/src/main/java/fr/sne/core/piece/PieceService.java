package fr.sne.core.piece;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.Journal;
import fr.sne.documents.analyse.Controle;
import fr.sne.documents.analyse.ControleurPieces;
import fr.sne.documents.analyse.FormatPiece;
import fr.sne.documents.analyse.PiecesConfiguration;
import fr.sne.documents.catalogue.CategoriePiece;
import fr.sne.documents.catalogue.Deposant;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;
import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.piece.ActionPiece;
import fr.sne.tenants.piece.PiecePolicy;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Probleme;
import fr.sne.tenants.web.Refus;
import fr.sne.tenants.web.Unicite;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The supporting documents of applications: deposit, list, open, qualify, delete, history.
 *
 * <p>A deposit streams the bytes to a temporary file (SHA-256 computed on the way, reading stops
 * past the size limit), has them checked ({@link ControleurPieces}: format from the content,
 * encryption, corruption, antivirus), stores them under {@code <territoire>/pieces/<numero>/<sha256>}
 * and only then writes, in one transaction, the row, its history, the GDM movement {@code PJ},
 * the system event {@code PJAJOU} and the audit. The same bytes on the same application give back
 * the existing document. Storage down: 503 and nothing written; a database failure after the
 * bytes are stored leaves an object no row refers to, which the reconciliation deletes (never
 * here: an identical deposit running alongside may have committed a row using the same key).
 *
 * <p>Permissions are {@link PiecePolicy}'s; which version a reader gets is {@link Ouvertures}'.
 * Applicants work in their account's scope: row-level security opens their own application only.
 */
@Singleton
public class PieceService {

    private static final Logger LOG = LoggerFactory.getLogger(PieceService.class);

    static final String STOCKAGE_INDISPONIBLE = "Le stockage des pièces justificatives est momentanément indisponible : "
            + "la pièce n’a pas été enregistrée. Réessayez dans quelques minutes.";
    private static final int COMMENTAIRE_MAX = 4000;
    private static final int SOUS_DOCUMENTS_MAX = 50;

    /**
     * A deposit's outcome: the document as the depositor may see it (with the version opening it
     * would give them); {@code existante} when the same bytes were already on the application.
     */
    public record Depose(PieceListee piece, boolean existante) {
    }

    /** What an actor may do with an application's documents (for pages: which buttons to show). */
    public record Droits(boolean lister, boolean listerSensible, boolean ouvrir, boolean ouvrirSensible, boolean deposer,
                         boolean qualifier, boolean supprimer) {
    }

    private final TenantTransactions transactions;
    private final PieceRepository pieces;
    private final PiecePolicy policy;
    private final ControleurPieces controleur;
    private final ObjectStorage stockage;
    private final Journal journal;
    private final AuditTrail audit;
    private final ApplicationEventPublisher<PieceDeposee> deposees;
    private final Clock clock;
    private final long tailleMax;

    PieceService(TenantTransactions transactions, PieceRepository pieces, PiecePolicy policy, ControleurPieces controleur,
                 ObjectStorage stockage, Journal journal, AuditTrail audit, ApplicationEventPublisher<PieceDeposee> deposees,
                 Clock clock, PiecesConfiguration configuration) {
        this.transactions = transactions;
        this.pieces = pieces;
        this.policy = policy;
        this.controleur = controleur;
        this.stockage = stockage;
        this.journal = journal;
        this.audit = audit;
        this.deposees = deposees;
        this.clock = clock;
        this.tailleMax = configuration.tailleMax();
    }

    /** The size limit of a document, in bytes ({@code sne.pieces.taille-max}, 20 MB by default). */
    public long tailleMax() {
        return tailleMax;
    }

    // ---------------------------------------------------------------- deposit

    /**
     * Deposits a document on an application (desks, their systems, the applicant on their own).
     * Refusals: 404 unknown application, 403 profile, 409 radiated application, 413 too large,
     * 415 format, 422 encrypted/corrupt/infected, 400 anomalies of the description, 503 storage down.
     */
    public Depose deposer(Actor actor, String numero, Depot depot) {
        PieceRepository.Cible cible = cible(actor, numero);
        Acces.exiger(policy.decider(actor, ActionPiece.DEPOSER, cible.territoire(), cible.compte()));
        if (!"ACTIVE".equals(cible.etat())) {
            throw new Refus(HttpStatus.CONFLICT, "La demande n° " + numero + " est radiée : aucune pièce ne peut y être ajoutée.");
        }
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        CategoriePiece categorie = categorie(depot.type(), depot.categorie(), anomalies);
        if (depot.finValidite() != null && depot.type() != null && !depot.type().finValidite()) {
            anomalies.add(new Probleme.Anomalie("SANS_FIN_VALIDITE", "finValidite",
                    "Une pièce « " + depot.type().libelle() + " » n’a pas de date de fin de validité."));
        }
        if (!anomalies.isEmpty()) {
            throw new PieceInvalide(anomalies);
        }
        Reception.Recu recu = recevoir(depot.contenu());
        try {
            FormatPiece format = controler(recu.chemin());
            Scope ecriture = scopeEcriture(actor, cible);
            var existante = transactions.inScope(Scope.lecture(ecriture),
                    () -> pieces.parEmpreinte(cible.territoire(), numero, recu.sha256()));
            if (existante.isPresent()) {
                return new Depose(listee(actor, cible, existante.get()), true);
            }
            String cle = ClesPieces.original(cible.territoire(), numero, recu.sha256());
            try {
                stockage.deposer(cle, recu.chemin(), format.typeMime());
            } catch (Exception e) {
                LOG.warn("Stockage de la pièce {} impossible : {}", cle, e.toString());
                throw new Refus(HttpStatus.SERVICE_UNAVAILABLE, STOCKAGE_INDISPONIBLE);
            }
            PieceRepository.Nouvelle nouvelle = new PieceRepository.Nouvelle(cible.territoire(), numero, recu.sha256(), cle,
                    nomFichier(depot.nomFichier(), format), format, recu.taille(), categorie, depot.type(), depot.finValidite(),
                    deposant(actor), auteur(actor));
            PieceJustificative piece;
            try {
                piece = transactions.inScope(ecriture, () -> enregistrer(actor, nouvelle));
            } catch (RuntimeException e) {
                if (Unicite.violee(e)) {
                    // the same bytes deposited alongside: theirs is the document
                    var gagnante = transactions.inScope(Scope.lecture(ecriture),
                            () -> pieces.parEmpreinte(cible.territoire(), numero, recu.sha256()));
                    if (gagnante.isPresent()) {
                        return new Depose(listee(actor, cible, gagnante.get()), true);
                    }
                }
                // nothing was written; the stored object waits for the reconciliation
                LOG.error("Enregistrement de la pièce {} impossible après son stockage", cle, e);
                throw new Refus(HttpStatus.SERVICE_UNAVAILABLE, "L’enregistrement de la pièce a échoué : elle n’a pas été "
                        + "ajoutée à la demande. Réessayez dans quelques minutes.");
            }
            deposees.publishEvent(new PieceDeposee(piece.territoire(), piece.id()));
            return new Depose(listee(actor, cible, piece), false);
        } finally {
            supprimer(recu.chemin());
        }
    }

    private PieceJustificative enregistrer(Actor actor, PieceRepository.Nouvelle n) {
        long id = pieces.inserer(n);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("nomFichier", n.nomFichier());
        detail.put("taille", n.taille());
        if (n.type() != null) {
            detail.put("type", n.type().name());
        }
        pieces.tracer(n.territoire(), n.numero(), id, NatureAction.DEPOSEE, n.auteur(), detail);
        journal.mouvement(n.territoire(), n.numero(), "PJ", List.of("PJ"));
        // neutral wording: every profile reads events, not every profile may know a sensitive type exists
        journal.evenementSysteme(actor, n.territoire(), n.numero(), CatalogueEvenements.PIECE_AJOUTEE, "Pièce justificative n° " + id);
        Map<String, Object> apres = new LinkedHashMap<>();
        apres.put("numeroUnique", n.numero());
        apres.put("sha256", n.sha256());
        apres.put("taille", n.taille());
        apres.put("format", n.format().name());
        if (n.type() != null) {
            apres.put("type", n.type().name());
        }
        audit.changement(actor, TypeAction.CREATION, n.territoire(), "PIECE", Long.toString(id), null, apres);
        return pieces.trouver(n.territoire(), n.numero(), id).orElseThrow();
    }

    private Reception.Recu recevoir(InputStream contenu) {
        try (InputStream in = contenu) {
            Reception.Recu recu = Reception.recevoir(in, tailleMax);
            if (recu.taille() == 0) {
                supprimer(recu.chemin());
                throw new Refus(HttpStatus.UNPROCESSABLE_ENTITY, "Le fichier envoyé est vide.");
            }
            return recu;
        } catch (Reception.TropVolumineux e) {
            throw new Refus(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Le fichier dépasse la taille maximale autorisée ("
                    + mega(tailleMax) + ").");
        } catch (IOException e) {
            throw new UncheckedIOException("Réception du fichier interrompue", e);
        }
    }

    private FormatPiece controler(Path fichier) {
        Controle controle = controleur.controler(fichier);
        return switch (controle) {
            case Controle.Accepte a -> a.format();
            case Controle.Refuse r -> throw new Refus(switch (r.motif()) {
                case FORMAT_NON_ACCEPTE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                case TROP_VOLUMINEUX -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
                case PROTEGE_PAR_MOT_DE_PASSE, ILLISIBLE, VIRUS -> HttpStatus.UNPROCESSABLE_ENTITY;
                case ANTIVIRUS_INDISPONIBLE -> HttpStatus.SERVICE_UNAVAILABLE;
            }, r.message());
        };
    }

    // ---------------------------------------------------------------- reading

    /**
     * The application's documents the actor may see, oldest first, each with the version opening
     * it would give: sensitive types only for those allowed to list them; for the applicant,
     * without the desks' relevance index and comment. The listing is audited.
     */
    public List<PieceListee> lister(Actor actor, String numero) {
        record Lu(PieceRepository.Cible cible, List<PieceJustificative> pieces) {
        }
        Lu lu = transactions.inScope(scopeLecture(actor), () -> {
            PieceRepository.Cible c = cibleLue(actor, numero);
            return new Lu(c, pieces.lister(c.territoire(), numero, false));
        });
        PieceRepository.Cible c = lu.cible();
        Droits d = droits(actor, c);
        Acces.exiger(policy.decider(actor, ActionPiece.LISTER, c.territoire(), c.compte()));
        List<PieceListee> liste = lu.pieces().stream().filter(p -> d.listerSensible() || !p.sensible())
                .map(p -> listee(actor, c, p)).toList();
        audit.lecture(actor, TypeAction.LECTURE, c.territoire(), "PIECES", numero, Map.of("pieces", liste.size()));
        return liste;
    }

    /** One document the actor may see (404 otherwise, also for a sensitive one they may not list); audited. */
    public PieceListee consulter(Actor actor, String numero, long id) {
        PieceListee l = decrire(actor, numero, id);
        audit.lecture(actor, TypeAction.LECTURE, l.piece().territoire(), "PIECE", Long.toString(id), Map.of("numeroUnique", numero));
        return l;
    }

    /** {@link #consulter} without its audit row: for a caller that has just read or changed it (audited already). */
    PieceListee decrire(Actor actor, String numero, long id) {
        Lue lue = lire(actor, numero, id);
        Acces.exiger(policy.decider(actor, ActionPiece.LISTER, lue.cible().territoire(), lue.cible().compte()));
        return listee(actor, lue.cible(), lue.piece());
    }

    /**
     * The bytes of a document: {@code demandee} (or, null, the best version the actor may see —
     * the original when allowed, else the masked PDF or the image's preview). Audited and added to
     * the document's history ({@code telechargement}: downloaded rather than viewed). The caller
     * closes the stream. Refusals: 403, 404, 409 while the analysis has not decided, 410 deleted or
     * missing from storage, 503 storage down.
     */
    public FichierPiece ouvrir(Actor actor, String numero, long id, VersionPiece demandee, boolean telechargement) {
        Lue lue = lire(actor, numero, id);
        PieceRepository.Cible c = lue.cible();
        PieceJustificative p = lue.piece();
        Acces.exiger(policy.decider(actor, p.sensible() ? ActionPiece.OUVRIR_SENSIBLE : ActionPiece.OUVRIR, c.territoire(),
                c.compte()));
        Droits d = droits(actor, c);
        Ouvertures.Resolution r = Ouvertures.resoudre(d.ouvrir(), d.ouvrirSensible(), p, demandee);
        if (!r.servie()) {
            throw new Refus(r.statut(), r.refus());
        }
        PieceRepository.Cles cles = lue.cles();
        String cle = switch (r.version()) {
            case ORIGINAL -> cles.cleObjet();
            case MASQUEE -> cles.cleMasquee();
            case APERCU -> cles.cleApercu();
        };
        String typeMime = switch (r.version()) {
            case ORIGINAL -> p.typeMime();
            case MASQUEE -> FormatPiece.PDF.typeMime();
            case APERCU -> cles.typeMimeApercu();
        };
        InputStream flux;
        try {
            flux = stockage.lire(cle);
        } catch (Exception e) {
            throw illisible(cle, e);
        }
        try {
            NatureAction nature = telechargement ? NatureAction.TELECHARGEE : NatureAction.CONSULTEE;
            transactions.inScope(scopeEcriture(actor, c), () -> {
                pieces.tracer(c.territoire(), numero, id, nature, auteur(actor), Map.of("version", r.version().name()));
                return null;
            });
            audit.lecture(actor, TypeAction.LECTURE, c.territoire(), "PIECE", Long.toString(id),
                    Map.of("numeroUnique", numero, "version", r.version().name(), "telechargement", telechargement));
        } catch (RuntimeException e) {
            fermer(flux);
            throw e;
        }
        return new FichierPiece(flux, typeMime, nomServi(p, r.version(), typeMime), r.version());
    }

    /**
     * The history of one document ({@code pieceId}) or of all the application's documents (null),
     * oldest first, deleted documents included; sensitive ones only for those allowed to list them.
     * Applicants see desks, never agents' names.
     */
    public List<ActionHistorique> historique(Actor actor, String numero, Long pieceId) {
        record Lu(PieceRepository.Cible cible, List<PieceJustificative> pieces, List<PieceRepository.Trace> traces) {
        }
        Lu lu = transactions.inScope(scopeLecture(actor), () -> {
            PieceRepository.Cible c = cibleLue(actor, numero);
            return new Lu(c, pieces.lister(c.territoire(), numero, true), pieces.historique(c.territoire(), numero, pieceId));
        });
        PieceRepository.Cible c = lu.cible();
        Acces.exiger(policy.decider(actor, ActionPiece.LISTER, c.territoire(), c.compte()));
        boolean sensibles = policy.decider(actor, ActionPiece.LISTER_SENSIBLE, c.territoire(), c.compte()).autorisee();
        Set<Long> visibles = lu.pieces().stream().filter(p -> sensibles || !p.sensible()).map(PieceJustificative::id)
                .collect(Collectors.toSet());
        if (pieceId != null && !visibles.contains(pieceId)) {
            throw introuvable(numero, pieceId);
        }
        return lu.traces().stream().filter(t -> visibles.contains(t.pieceId()))
                .map(t -> new ActionHistorique(t.pieceId(), t.nature(), t.horodatage(), qui(actor, t), t.guichet(), t.detail()))
                .toList();
    }

    /** What the actor may do with the documents of this application (404 when they may not even know it). */
    public Droits droits(Actor actor, String numero) {
        PieceRepository.Cible c = cible(actor, numero);
        return droits(actor, c);
    }

    // ---------------------------------------------------------------- changes

    /**
     * Requalifies a document (type, category, validity end date, relevance index, comment, page
     * ranges) if it is still at {@code versionAttendue}; otherwise {@link PieceModifiee} and nothing
     * is written. One transaction: the row, its history, the GDM movement {@code PJ}, the audit.
     */
    public PieceJustificative requalifier(Actor actor, String numero, long id, int versionAttendue, Qualification q) {
        PieceRepository.Cible c = cible(actor, numero);
        Acces.exiger(policy.decider(actor, ActionPiece.QUALIFIER, c.territoire(), c.compte()));
        Qualification qualification = valider(q);
        boolean sensibles = policy.decider(actor, ActionPiece.LISTER_SENSIBLE, c.territoire(), c.compte()).autorisee();
        return transactions.inScope(Scope.territoire(c.territoire()), () -> {
            PieceJustificative avant = pieces.trouver(c.territoire(), numero, id)
                    .filter(p -> sensibles || !p.sensible()).orElseThrow(() -> introuvable(numero, id));
            if (avant.supprimee()) {
                throw new Refus(HttpStatus.CONFLICT, Ouvertures.SUPPRIMEE);
            }
            if (avant.version() != versionAttendue) {
                throw new PieceModifiee(avant);
            }
            Map<String, Object> ancien = new LinkedHashMap<>();
            Map<String, Object> nouveau = new LinkedHashMap<>();
            difference(avant, qualification, ancien, nouveau);
            if (nouveau.isEmpty()) {
                return avant;
            }
            if (!pieces.qualifier(c.territoire(), id, versionAttendue, qualification)) {
                throw new PieceModifiee(pieces.trouver(c.territoire(), numero, id).orElseThrow());
            }
            Map<String, Object> detail = new LinkedHashMap<>(nouveau);
            detail.remove("commentaire");
            detail.put("champs", List.copyOf(nouveau.keySet()));
            pieces.tracer(c.territoire(), numero, id, NatureAction.REQUALIFIEE, auteur(actor), detail);
            journal.mouvement(c.territoire(), numero, "PJ", List.of("PJ"));
            audit.changement(actor, TypeAction.MODIFICATION, c.territoire(), "PIECE", Long.toString(id), ancien, nouveau);
            return pieces.trouver(c.territoire(), numero, id).orElseThrow();
        });
    }

    /**
     * Deletes a document (desks): flagged, not erased — its history stays and its bytes until the
     * application is purged. One transaction: the flag, the history, the movement {@code PJ}, the
     * system event {@code PJSUPP}, the audit. A document already deleted stays as it is.
     */
    public void supprimer(Actor actor, String numero, long id) {
        PieceRepository.Cible c = cible(actor, numero);
        Acces.exiger(policy.decider(actor, ActionPiece.SUPPRIMER, c.territoire(), c.compte()));
        boolean sensibles = policy.decider(actor, ActionPiece.LISTER_SENSIBLE, c.territoire(), c.compte()).autorisee();
        transactions.inScope(Scope.territoire(c.territoire()), () -> {
            PieceJustificative p = pieces.trouver(c.territoire(), numero, id)
                    .filter(x -> sensibles || !x.sensible()).orElseThrow(() -> introuvable(numero, id));
            if (p.supprimee() || !pieces.supprimer(c.territoire(), id, auteur(actor).id(), clock.instant())) {
                return null;
            }
            pieces.tracer(c.territoire(), numero, id, NatureAction.SUPPRIMEE, auteur(actor), Map.of());
            journal.mouvement(c.territoire(), numero, "PJ", List.of("PJ"));
            journal.evenementSysteme(actor, c.territoire(), numero, CatalogueEvenements.PIECE_SUPPRIMEE, "Pièce justificative n° " + id);
            audit.changement(actor, TypeAction.SUPPRESSION, c.territoire(), "PIECE", Long.toString(id),
                    Map.of("numeroUnique", numero, "sha256", p.sha256()), Map.of("supprimee", true));
            return null;
        });
    }

    // ---------------------------------------------------------------- helpers

    private record Lue(PieceRepository.Cible cible, PieceJustificative piece, PieceRepository.Cles cles) {
    }

    /** The document in the actor's reading scope; a sensitive one the actor may not list is not found. */
    private Lue lire(Actor actor, String numero, long id) {
        Lue lue = transactions.inScope(scopeLecture(actor), () -> {
            PieceRepository.Cible c = cibleLue(actor, numero);
            PieceJustificative p = pieces.trouver(c.territoire(), numero, id).orElseThrow(() -> introuvable(numero, id));
            return new Lue(c, p, pieces.cles(c.territoire(), id).orElseThrow());
        });
        PieceRepository.Cible c = lue.cible();
        // another territory or anybody else's application: not found before anything else
        if (policy.decider(actor, ActionPiece.LISTER, c.territoire(), c.compte()) == Decision.INTROUVABLE) {
            throw introuvable(numero, id);
        }
        if (lue.piece().sensible() && !policy.decider(actor, ActionPiece.LISTER_SENSIBLE, c.territoire(), c.compte()).autorisee()) {
            throw introuvable(numero, id);
        }
        return lue;
    }

    private PieceListee listee(Actor actor, PieceRepository.Cible c, PieceJustificative p) {
        Droits d = droits(actor, c);
        Ouvertures.Resolution r = Ouvertures.resoudre(d.ouvrir(), d.ouvrirSensible(), p, null);
        return new PieceListee(vue(actor, p), r.version(), r.refus());
    }

    private Droits droits(Actor actor, PieceRepository.Cible c) {
        return new Droits(a(actor, ActionPiece.LISTER, c), a(actor, ActionPiece.LISTER_SENSIBLE, c), a(actor, ActionPiece.OUVRIR, c),
                a(actor, ActionPiece.OUVRIR_SENSIBLE, c), a(actor, ActionPiece.DEPOSER, c), a(actor, ActionPiece.QUALIFIER, c),
                a(actor, ActionPiece.SUPPRIMER, c));
    }

    private boolean a(Actor actor, ActionPiece action, PieceRepository.Cible c) {
        return policy.decider(actor, action, c.territoire(), c.compte()).autorisee();
    }

    private PieceRepository.Cible cible(Actor actor, String numero) {
        return transactions.inScope(scopeLecture(actor), () -> cibleLue(actor, numero));
    }

    private PieceRepository.Cible cibleLue(Actor actor, String numero) {
        return pieces.cible(numero).orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, actor instanceof Actor.Particulier
                ? "Aucune demande " + numero + " dans votre espace." : "Aucune demande " + numero + " dans votre territoire."));
    }

    private static Refus introuvable(String numero, long id) {
        return new Refus(HttpStatus.NOT_FOUND, "Aucune pièce n° " + id + " sur la demande " + numero + ".");
    }

    /** Where the actor reads: their account, their desk's territory, their habilitation's reach. */
    private static Scope scopeLecture(Actor actor) {
        return switch (actor) {
            case Actor.Particulier p -> Scope.lecture(Scope.compte(p.compteId()));
            case Actor.ClientApi c -> Scope.territoireReadOnly(c.territoire());
            case Actor.Professionnel p -> Scope.lecture(Acces.scope(p));
            default -> throw new Refus(HttpStatus.UNAUTHORIZED, "Connexion requise.");
        };
    }

    /** Where the actor writes: the applicant in their account's scope (their own application only), others in the territory's. */
    private static Scope scopeEcriture(Actor actor, PieceRepository.Cible c) {
        return actor instanceof Actor.Particulier p ? Scope.compte(p.compteId()) : Scope.territoire(c.territoire());
    }

    private static PieceJustificative vue(Actor actor, PieceJustificative p) {
        return actor instanceof Actor.Particulier ? p.pourDemandeur() : p;
    }

    private static String qui(Actor lecteur, PieceRepository.Trace t) {
        if (!(lecteur instanceof Actor.Particulier p)) {
            return t.acteurLibelle();
        }
        if (t.acteur().equals("demandeur:" + p.compteId())) {
            return "Vous";
        }
        if (t.guichet() != null) {
            return "Guichet " + t.guichet();
        }
        return t.acteur().startsWith("systeme:") ? "Le système" : "L’administration";
    }

    private static Deposant deposant(Actor actor) {
        return switch (actor) {
            case Actor.Particulier p -> Deposant.DEMANDEUR;
            case Actor.ClientApi c -> Deposant.EDITEUR;
            default -> Deposant.GUICHET;
        };
    }

    static PieceRepository.Auteur auteur(Actor actor) {
        return new PieceRepository.Auteur(Journal.auteur(actor), Journal.libelle(actor), Journal.guichet(actor));
    }

    /** The category a description ends with: the type's; a category contradicting the type is an anomaly. */
    private static CategoriePiece categorie(TypePiece type, CategoriePiece categorie, List<Probleme.Anomalie> anomalies) {
        if (type == null) {
            return categorie;
        }
        if (categorie != null && categorie != type.categorie()) {
            anomalies.add(new Probleme.Anomalie("CATEGORIE_INCOHERENTE", "categorie", "Une pièce « " + type.libelle()
                    + " » relève de la catégorie « " + type.categorie().libelle() + " »."));
        }
        return type.categorie();
    }

    private static Qualification valider(Qualification q) {
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        CategoriePiece categorie = categorie(q.type(), q.categorie(), anomalies);
        if (q.indicePertinence() == null) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "indicePertinence", "L’indice de pertinence est obligatoire."));
        }
        if (q.finValidite() != null && q.type() != null && !q.type().finValidite()) {
            anomalies.add(new Probleme.Anomalie("SANS_FIN_VALIDITE", "finValidite",
                    "Une pièce « " + q.type().libelle() + " » n’a pas de date de fin de validité."));
        }
        String commentaire = q.commentaire() == null || q.commentaire().isBlank() ? null : q.commentaire().strip();
        if (commentaire != null && commentaire.length() > COMMENTAIRE_MAX) {
            anomalies.add(new Probleme.Anomalie("TROP_LONG", "commentaire", "Le commentaire compte au plus " + COMMENTAIRE_MAX
                    + " caractères."));
        }
        if (q.sousDocuments().size() > SOUS_DOCUMENTS_MAX) {
            anomalies.add(new Probleme.Anomalie("TROP_NOMBREUX", "sousDocuments", "Au plus " + SOUS_DOCUMENTS_MAX
                    + " sous-documents."));
        }
        List<SousDocument> sous = new ArrayList<>();
        for (int i = 0; i < q.sousDocuments().size(); i++) {
            SousDocument s = q.sousDocuments().get(i);
            String champ = "sousDocuments[" + i + "]";
            String libelle = s.libelle() == null ? "" : s.libelle().strip();
            if (s.de() < 1 || s.a() < s.de()) {
                anomalies.add(new Probleme.Anomalie("PAGES_INVALIDES", champ, "Les pages vont de la page « de » (1 au moins) "
                        + "à la page « a » (au moins égale à « de »)."));
            }
            if (libelle.isEmpty() || libelle.length() > 200) {
                anomalies.add(new Probleme.Anomalie("LIBELLE_INVALIDE", champ + ".libelle",
                        "Le libellé d’un sous-document compte 1 à 200 caractères."));
            }
            sous.add(new SousDocument(s.de(), s.a(), libelle));
        }
        if (!anomalies.isEmpty()) {
            throw new PieceInvalide(anomalies);
        }
        return new Qualification(q.type(), categorie, q.finValidite(), q.indicePertinence(), commentaire, sous);
    }

    private static void difference(PieceJustificative p, Qualification q, Map<String, Object> avant, Map<String, Object> apres) {
        comparer("type", p.type(), q.type(), avant, apres);
        comparer("categorie", p.categorie(), q.categorie(), avant, apres);
        comparer("finValidite", p.finValidite(), q.finValidite(), avant, apres);
        comparer("indicePertinence", p.indicePertinence(), q.indicePertinence(), avant, apres);
        comparer("commentaire", p.commentaire(), q.commentaire(), avant, apres);
        comparer("sousDocuments", p.sousDocuments(), q.sousDocuments(), avant, apres);
    }

    private static void comparer(String champ, Object avant, Object apres, Map<String, Object> a, Map<String, Object> b) {
        if (!Objects.equals(avant, apres)) {
            a.put(champ, avant == null ? "" : valeur(avant));
            b.put(champ, apres == null ? "" : valeur(apres));
        }
    }

    private static Object valeur(Object o) {
        return o instanceof Enum<?> e ? e.name() : o instanceof List<?> l ? l.size() + " sous-document(s)" : o.toString();
    }

    /** The file name kept: no path, no control characters, at most 255 characters, never empty. */
    static String nomFichier(String brut, FormatPiece format) {
        String n = brut == null ? "" : brut;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (n.length() > 255) {
            int point = n.lastIndexOf('.');
            String extension = point > 0 && n.length() - point <= 10 ? n.substring(point) : "";
            n = n.substring(0, 255 - extension.length()) + extension;
        }
        return n.isEmpty() ? "piece." + format.extension() : n;
    }

    /** The name of the file served: the deposited one, marked for a derivative. */
    private static String nomServi(PieceJustificative p, VersionPiece version, String typeMime) {
        if (version == VersionPiece.ORIGINAL) {
            return p.nomFichier();
        }
        String base = p.nomFichier();
        int point = base.lastIndexOf('.');
        if (point > 0) {
            base = base.substring(0, point);
        }
        String extension = switch (typeMime) {
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            case "image/heic" -> "heic";
            default -> "jpg";
        };
        return base + " (" + version.libelle() + ")." + extension;
    }

    private RuntimeException illisible(String cle, Exception e) {
        boolean present;
        try {
            present = stockage.existe(cle);
        } catch (Exception indisponible) {
            LOG.warn("Lecture de la pièce {} impossible : stockage indisponible ({})", cle, indisponible.toString());
            return new Refus(HttpStatus.SERVICE_UNAVAILABLE, "Le stockage des pièces justificatives est momentanément "
                    + "indisponible. Réessayez dans quelques minutes.");
        }
        if (!present) {
            LOG.error("Objet {} introuvable dans le stockage : la pièce sera signalée par la réconciliation", cle);
            return new Refus(HttpStatus.GONE, "Le fichier de cette pièce est introuvable dans le stockage : l’incident est signalé.");
        }
        LOG.warn("Lecture de la pièce {} impossible : {}", cle, e.toString());
        return new Refus(HttpStatus.SERVICE_UNAVAILABLE, "Le stockage des pièces justificatives est momentanément "
                + "indisponible. Réessayez dans quelques minutes.");
    }

    private static String mega(long octets) {
        return octets % (1024 * 1024) == 0 ? octets / (1024 * 1024) + " Mo" : (octets / 1024) + " Ko";
    }

    private static void fermer(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to do with a stream we no longer serve
        }
    }

    private static void supprimer(Path fichier) {
        try {
            Files.deleteIfExists(fichier);
        } catch (IOException e) {
            LOG.warn("Fichier temporaire {} non supprimé", fichier, e);
        }
    }
}
