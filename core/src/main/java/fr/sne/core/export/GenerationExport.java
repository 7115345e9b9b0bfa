package fr.sne.core.export;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.FormatDemande;
import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.xml.stream.XMLStreamException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The persistent job of exports: takes waiting exports (SKIP LOCKED, a lease per run), writes
 * the tar.gz to a temporary file one batch of applications at a time (memory bounded by the
 * batch, whatever the export's size), stores it in object storage under the territory's
 * prefix, and only then marks it TERMINE. A crash leaves the row EN_COURS: past the lease it is
 * taken again, failed after {@link ExportRepository#TENTATIVES_MAX} attempts. Also expires
 * finished exports after {@link #CONSERVATION}.
 */
@Singleton
public class GenerationExport implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationExport.class);

    static final Duration CONSERVATION = Duration.ofDays(7);
    static final Duration BAIL = Duration.ofMinutes(10);
    /** Applications per read transaction; progress is written after each batch. */
    static final int LOT = 500;

    /** What one run did. */
    public record Bilan(int terminees, int echecs, int expirees) {
    }

    private final TenantTransactions transactions;
    private final Territoires territoires;
    private final ExportRepository exports;
    private final LectureExport lecture;
    private final FormatDemande nuu;
    private final ObjectStorage stockage;
    private final Clock clock;

    GenerationExport(TenantTransactions transactions, Territoires territoires, ExportRepository exports, LectureExport lecture,
                     List<FormatDemande> formats, ObjectStorage stockage, Clock clock) {
        this.transactions = transactions;
        this.territoires = territoires;
        this.exports = exports;
        this.lecture = lecture;
        this.nuu = formats.stream().filter(f -> f.typeMedia().startsWith(MediaType.APPLICATION_XML)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Aucun format interfaceNuu disponible"));
        this.stockage = stockage;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("exports-demandes", Schedules.fixedDelay(Duration.ofSeconds(10)))
                .execute((instance, context) -> {
                    Bilan bilan = executer(clock.instant());
                    if (bilan.terminees() + bilan.echecs() + bilan.expirees() > 0) {
                        LOG.info("Exports : {} terminé(s), {} en échec, {} expiré(s)", bilan.terminees(), bilan.echecs(), bilan.expirees());
                    }
                });
    }

    /** One run at {@code maintenant}: every waiting export of every territory, then the expiry. */
    public Bilan executer(Instant maintenant) {
        int terminees = 0;
        int echecs = 0;
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            echecs += transactions.inScope(Scope.territoire(t.code()), () -> exports.abandonner(t.code(), maintenant));
            Optional<Export> suivant;
            while ((suivant = transactions.inScope(Scope.territoire(t.code()),
                    () -> exports.reclamer(t.code(), maintenant, clock.instant().plus(BAIL)))).isPresent()) {
                if (generer(suivant.get(), t)) {
                    terminees++;
                } else {
                    echecs++;
                }
            }
        }
        return new Bilan(terminees, echecs, expirer(maintenant));
    }

    /** Deletes the files of exports past their expiry and marks them EXPIRE. */
    public int expirer(Instant maintenant) {
        int expirees = 0;
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            List<Export> lot = transactions.inScope(Scope.territoireReadOnly(t.code()), () -> exports.expires(t.code(), maintenant, 100));
            for (Export e : lot) {
                try {
                    stockage.supprimer(e.cleObjet());
                    transactions.inScope(Scope.territoire(t.code()), () -> {
                        exports.marquerExpire(t.code(), e.id());
                        return null;
                    });
                    expirees++;
                } catch (Exception ex) {
                    LOG.error("Expiration de l'export {} impossible", e.id(), ex);
                }
            }
        }
        return expirees;
    }

    /** One attempt; true when the export is TERMINE. */
    private boolean generer(Export e, Territoire territoire) {
        String t = e.territoire();
        Path dossier = null;
        try {
            dossier = Files.createTempDirectory("sne-export-");
            Path archive = dossier.resolve("export.tar.gz");
            LectureExport.Filtre filtre = filtre(e, territoire);
            int total = transactions.inScope(Scope.territoireReadOnly(t), () -> lecture.compter(filtre));
            if (!avancer(e, 0, total)) {
                return false;
            }
            int ecrites = ecrire(e, filtre, dossier, archive, total);
            if (ecrites < 0) {
                return false;
            }
            String cle = t + "/exports/" + e.id() + ".tar.gz";
            stockage.deposer(cle, archive, "application/gzip");
            long taille = Files.size(archive);
            Instant fin = clock.instant();
            boolean termine = transactions.inScope(Scope.territoire(t),
                    () -> exports.terminer(t, e.id(), e.tentatives(), ecrites, taille, cle, fin, fin.plus(CONSERVATION)));
            if (!termine) {
                LOG.warn("Export {} : tentative {} dépassée par une autre, fichier abandonné", e.id(), e.tentatives());
            }
            return termine;
        } catch (Exception ex) {
            LOG.error("Export {} en échec", e.id(), ex);
            transactions.inScope(Scope.territoire(t), () -> exports.echouer(t, e.id(), e.tentatives(),
                    ex.getClass().getSimpleName() + " : " + ex.getMessage(), clock.instant()));
            return false;
        } finally {
            supprimer(dossier);
        }
    }

    /** Writes the archive; the number of applications, or -1 when the attempt lost its lease. */
    private int ecrire(Export e, LectureExport.Filtre filtre, Path dossier, Path archive, int total)
            throws IOException, XMLStreamException {
        String t = e.territoire();
        Instant date = clock.instant();
        boolean cerfa = e.entites().contains(Entite.CERFA);
        boolean evenements = e.entites().contains(Entite.EVT);
        boolean priorites = e.entites().stream().anyMatch(x -> x == Entite.DALO || x == Entite.PRIO || x == Entite.CONT);
        boolean radiations = e.entites().contains(Entite.ATTRIB);
        boolean pieces = e.entites().contains(Entite.PJ);
        int ecrites = 0;
        try (ArchiveTar tar = new ArchiveTar(new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(archive), 64 * 1024), 64 * 1024), date);
             FichiersEntites fichiers = new FichiersEntites(dossier, e.entites(), t, date)) {
            String apres = "";
            List<String> numeros;
            do {
                String depuis = apres;
                numeros = transactions.inScope(Scope.territoireReadOnly(t), () -> {
                    List<DemandeJson.Demande> lot = lecture.demandes(filtre, depuis, LOT);
                    List<String> lus = lot.stream().map(DemandeJson.Demande::numeroUnique).toList();
                    try {
                        for (DemandeJson.Demande d : lot) {
                            if (cerfa) {
                                tar.ajouter("demandes/" + d.numeroUnique() + ".xml", nuu.ecrire(d));
                            }
                        }
                        if (!lus.isEmpty()) {
                            if (evenements) {
                                fichiers.evenements(lecture.evenements(t, lus));
                            }
                            if (priorites) {
                                fichiers.priorites(lecture.priorites(t, lus));
                            }
                            if (radiations) {
                                fichiers.radiations(lecture.radiations(t, lus));
                            }
                            if (pieces) {
                                fichiers.pieces(lecture.pieces(t, lus));
                            }
                        }
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    } catch (XMLStreamException ex) {
                        throw new IllegalStateException(ex);
                    }
                    return lus;
                });
                ecrites += numeros.size();
                if (!numeros.isEmpty()) {
                    apres = numeros.getLast();
                    if (!avancer(e, ecrites, Math.max(total, ecrites))) {
                        return -1;
                    }
                }
            } while (numeros.size() == LOT);
            Map<Entite, Path> chemins = fichiers.terminer();
            for (Entite x : e.entites().stream().sorted(Comparator.naturalOrder()).toList()) {
                Path p = chemins.get(x);
                if (p != null) {
                    tar.ajouter(x.fichier(), p);
                }
            }
        }
        return ecrites;
    }

    private boolean avancer(Export e, int traitees, int total) {
        String t = e.territoire();
        boolean garde = transactions.inScope(Scope.territoire(t),
                () -> exports.progression(t, e.id(), e.tentatives(), traitees, total, clock.instant().plus(BAIL)));
        if (!garde) {
            LOG.warn("Export {} : tentative {} dépassée par une autre, abandonnée", e.id(), e.tentatives());
        }
        return garde;
    }

    /** The whole territory asked by départements: every application, even one wishing no commune yet. */
    private static LectureExport.Filtre filtre(Export e, Territoire territoire) {
        if (e.communes() != null) {
            return new LectureExport.Filtre(e.territoire(), e.etat(), e.communes(), null);
        }
        boolean toutLeTerritoire = new HashSet<>(e.departements()).containsAll(territoire.departements());
        return new LectureExport.Filtre(e.territoire(), e.etat(), null, toutLeTerritoire ? null : e.departements());
    }

    private static void supprimer(Path dossier) {
        if (dossier == null) {
            return;
        }
        try (var chemins = Files.walk(dossier)) {
            chemins.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ex) {
            LOG.warn("Dossier temporaire {} non supprimé", dossier, ex);
        }
    }
}
