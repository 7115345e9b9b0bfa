package fr.sne.core.piece;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.core.journal.Journal;
import fr.sne.documents.analyse.Analyse;
import fr.sne.documents.analyse.AnalyseurPieces;
import fr.sne.documents.analyse.FormatPiece;
import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The analysis of deposited documents ({@link AnalyseurPieces}: type, text facts, NIR, viewing
 * derivatives). Started right after a deposit's commit on a small executor of this node, and
 * swept by a persistent job every 30 seconds: a document is claimed in one statement (a lease of
 * {@link #BAIL}), so a crash, a full queue or a second node never loses one nor analyses it
 * twice at once; a failure is retried later, and after {@link #TENTATIVES_MAX} attempts the
 * document is {@code ECHEC} (then only the profiles allowed to see sensitive data open it).
 *
 * <p>Results: language, metadata, pages, tax-notice year and RFR, the suggested type (also the
 * type when none was given), the validity end date when none was given, the NIR flag, the masked
 * PDF and the image preview stored next to the original; history {@code ANALYSEE}, movement
 * {@code PJ}, audit. The extracted text itself is not kept (see V24).
 */
@Singleton
public class AnalysePieces implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysePieces.class);
    private static final Actor SYSTEME = new Actor.Systeme("analyse-pieces");
    private static final PieceRepository.Auteur AUTEUR = new PieceRepository.Auteur("systeme:analyse-pieces",
            "Analyse automatique", null);

    static final Duration BAIL = Duration.ofMinutes(10);
    static final int TENTATIVES_MAX = 3;
    static final int LOT = 20;
    private static final int METADONNEES_MAX = 60;
    private static final int VALEUR_MAX = 300;

    /** What one sweep did. */
    public record Bilan(int analysees, int echecs) {
    }

    private final TenantTransactions transactions;
    private final Territoires territoires;
    private final PieceRepository pieces;
    private final ObjectStorage stockage;
    private final BeanProvider<AnalyseurPieces> analyseur;
    private final Journal journal;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean immediate;
    private final ExecutorService executeur;

    AnalysePieces(TenantTransactions transactions, Territoires territoires, PieceRepository pieces, ObjectStorage stockage,
                  BeanProvider<AnalyseurPieces> analyseur, Journal journal, AuditTrail audit, Clock clock,
                  @Value("${sne.pieces.analyse-immediate:true}") boolean immediate) {
        this.transactions = transactions;
        this.territoires = territoires;
        this.pieces = pieces;
        this.stockage = stockage;
        this.analyseur = analyseur;
        this.journal = journal;
        this.audit = audit;
        this.clock = clock;
        this.immediate = immediate;
        // one analysis at a time per node (CPU-bound); a full queue drops the task, the sweep takes it
        this.executeur = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(100),
                r -> Thread.ofPlatform().name("analyse-pieces").daemon(true).unstarted(r), new ThreadPoolExecutor.DiscardPolicy());
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("analyse-pieces", Schedules.fixedDelay(Duration.ofSeconds(30)))
                .execute((instance, context) -> {
                    Bilan bilan = executer(clock.instant());
                    if (bilan.analysees() + bilan.echecs() > 0) {
                        LOG.info("Analyse des pièces : {} analysée(s), {} en échec", bilan.analysees(), bilan.echecs());
                    }
                });
    }

    /** Right after a deposit's commit: analysed on this node's executor (the sweep is the safety net). */
    @EventListener
    void deposee(PieceDeposee e) {
        if (!immediate) {
            return;
        }
        try {
            executeur.execute(() -> {
                try {
                    analyser(e.territoire(), e.id());
                } catch (RuntimeException ex) {
                    LOG.warn("Analyse immédiate de la pièce {} interrompue ; le balayage la reprendra", e.id(), ex);
                }
            });
        } catch (RejectedExecutionException ex) {
            LOG.debug("Analyse de la pièce {} laissée au balayage", e.id());
        }
    }

    /** One sweep at {@code maintenant}: every waiting document of every territory (and abandoned claims). */
    public Bilan executer(Instant maintenant) {
        if (!analyseur.isPresent()) {
            LOG.warn("Aucun analyseur de pièces : analyse différée");
            return new Bilan(0, 0);
        }
        int analysees = 0;
        int echecs = 0;
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            echecs += transactions.inScope(Scope.territoire(t.code()), () -> pieces.abandonner(t.code(), maintenant, TENTATIVES_MAX));
            List<long[]> lot;
            do {
                lot = transactions.inScope(Scope.territoire(t.code()), () -> {
                    List<long[]> reclamees = new ArrayList<>();
                    for (long id : pieces.aAnalyser(t.code(), maintenant, LOT)) {
                        pieces.reclamer(t.code(), id, maintenant, clock.instant().plus(BAIL))
                                .ifPresent(tentative -> reclamees.add(new long[]{id, tentative}));
                    }
                    return reclamees;
                });
                for (long[] r : lot) {
                    if (traiter(t.code(), r[0], (int) r[1])) {
                        analysees++;
                    } else {
                        echecs++;
                    }
                }
            } while (lot.size() == LOT);
        }
        return new Bilan(analysees, echecs);
    }

    /** Claims and analyses one document now; false when it was not waiting (or the analysis failed). */
    public boolean analyser(String territoire, long id) {
        if (!analyseur.isPresent()) {
            return false;
        }
        Instant maintenant = clock.instant();
        Optional<Integer> tentative = transactions.inScope(Scope.territoire(territoire),
                () -> pieces.reclamer(territoire, id, maintenant, maintenant.plus(BAIL)));
        return tentative.isPresent() && traiter(territoire, id, tentative.get());
    }

    /** One attempt on a claimed document; true when its results are recorded. */
    private boolean traiter(String territoire, long id, int tentative) {
        Path dossier = null;
        try {
            PieceJustificative p = transactions.inScope(Scope.territoireReadOnly(territoire), () -> pieces.trouver(territoire, id))
                    .orElseThrow();
            String cle = ClesPieces.original(territoire, p.numeroUnique(), p.sha256());
            dossier = Files.createTempDirectory("sne-analyse-");
            Path fichier = dossier.resolve("original." + p.format().extension());
            try (InputStream in = stockage.lire(cle)) {
                Files.copy(in, fichier, StandardCopyOption.REPLACE_EXISTING);
            }
            AnalyseurPieces a = analyseur.get();
            Analyse analyse = a.analyser(fichier, p.format());
            String cleMasquee = null;
            if (analyse.nirDetecte()) {
                Optional<Path> masquee = a.masquerNir(fichier, p.format(), dossier);
                if (masquee.isPresent()) {
                    cleMasquee = ClesPieces.masquee(cle);
                    stockage.deposer(cleMasquee, masquee.get(), FormatPiece.PDF.typeMime());
                } else {
                    LOG.warn("Pièce {} : NIR détecté mais pas de version masquée ; seuls les profils habilités l'ouvriront", id);
                }
            }
            String cleApercu = null;
            String typeApercu = null;
            if (p.format() != FormatPiece.PDF) {
                Optional<Path> apercu = a.apercu(fichier, p.format(), dossier);
                if (apercu.isPresent()) {
                    typeApercu = typeImage(apercu.get());
                    cleApercu = ClesPieces.apercu(cle, switch (typeApercu) {
                        case "image/png" -> "png";
                        case "image/heic" -> "heic";
                        default -> "jpg";
                    });
                    stockage.deposer(cleApercu, apercu.get(), typeApercu);
                }
            }
            PieceRepository.Resultat resultat = new PieceRepository.Resultat(analyse.pages(), analyse.langue(),
                    metadonnees(analyse.metadonnees()), analyse.typeSuggere(), analyse.anneeRevenus(),
                    analyse.revenuFiscalReference(), analyse.finValidite(), analyse.nirDetecte(), cleMasquee, cleApercu, typeApercu);
            return enregistrer(territoire, p, tentative, resultat);
        } catch (Exception | StackOverflowError e) {
            // the analyser met a file it could not handle, the store was down: retried later, then failed for good
            boolean definitif = tentative >= TENTATIVES_MAX;
            LOG.warn("Analyse de la pièce {} en échec (tentative {}{}) : {}", id, tentative, definitif ? ", abandonnée" : "", e.toString());
            Instant maintenant = clock.instant();
            transactions.inScope(Scope.territoire(territoire), () -> {
                pieces.echouer(territoire, id, tentative, definitif ? null : maintenant.plus(BAIL.multipliedBy(tentative)),
                        e.getClass().getSimpleName() + " : " + e.getMessage(), maintenant);
                return null;
            });
            return false;
        } finally {
            supprimer(dossier);
        }
    }

    private boolean enregistrer(String territoire, PieceJustificative p, int tentative, PieceRepository.Resultat r) {
        return transactions.inScope(Scope.territoire(territoire), () -> {
            if (!pieces.terminer(territoire, p.id(), tentative, r, clock.instant())) {
                LOG.info("Pièce {} : tentative d'analyse {} dépassée par une autre", p.id(), tentative);
                return false;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("nirDetecte", r.nirDetecte());
            if (r.typeSuggere() != null) {
                detail.put("typeSuggere", r.typeSuggere().name());
            }
            if (r.pages() != null) {
                detail.put("pages", r.pages());
            }
            pieces.tracer(territoire, p.numeroUnique(), p.id(), NatureAction.ANALYSEE, AUTEUR, detail);
            journal.mouvement(territoire, p.numeroUnique(), "PJ", List.of("PJ"));
            audit.changement(SYSTEME, TypeAction.MODIFICATION, territoire, "PIECE", Long.toString(p.id()), null, detail);
            return true;
        });
    }

    /** The metadata kept: bounded in number and length (a PDF's XMP can be large). */
    private static Map<String, String> metadonnees(Map<String, String> brutes) {
        Map<String, String> m = new LinkedHashMap<>();
        if (brutes == null) {
            return m;
        }
        brutes.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(METADONNEES_MAX).forEach(e -> {
            String v = e.getValue() == null ? "" : e.getValue();
            m.put(e.getKey(), v.length() > VALEUR_MAX ? v.substring(0, VALEUR_MAX) : v);
        });
        return m;
    }

    /** The media type of a preview, from the name the analyser gave it (JPEG unless PNG or HEIC). */
    private static String typeImage(Path fichier) {
        String nom = fichier.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return nom.endsWith(".png") ? FormatPiece.PNG.typeMime() : nom.endsWith(".heic") ? FormatPiece.HEIC.typeMime()
                : FormatPiece.JPEG.typeMime();
    }

    private static void supprimer(Path dossier) {
        if (dossier == null) {
            return;
        }
        try (var chemins = Files.walk(dossier)) {
            chemins.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Dossier temporaire {} non supprimé", dossier, e);
        }
    }

    @PreDestroy
    void arreter() {
        executeur.shutdownNow();
    }
}
