package fr.sne.community.recherche;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The community search engine: one Lucene index on local disk under {@code sne.recherche.dossier}
 * (a temporary folder, rebuilt at start, when it is not set), changed near-real-time by the
 * features ({@link Indexation}) and rebuilt as a whole from every {@link SourceIndexation}.
 * <p>
 * A rebuild writes a new index folder while the current one keeps serving; changes arriving
 * meanwhile go to both, and an item changed live is not overwritten by the rebuild's (possibly
 * older) copy. The new index then replaces the old one at once: the folder named in the file
 * {@code actuel} is the index, written by an atomic rename. Commits happen every few seconds
 * in the background; a crash loses at most those changes, and the next rebuild brings them back.
 */
@Singleton
public class MoteurRecherche implements Indexation, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MoteurRecherche.class);
    private static final String POINTEUR = "actuel";
    private static final String PREFIXE = "index-";
    private static final long COMMIT_S = 5;

    private final Path racine;
    private final boolean temporaire;
    private final Schema schema = new Schema();
    private final Chercheur chercheur;
    private final Clock clock;
    private final ScheduledExecutorService commits;
    // writes (live changes, a rebuild's items, the swap) are serialised on this lock
    private final Object ecriture = new Object();
    // a single rebuild at a time
    private final Object reconstruction = new Object();
    private volatile IndexLocal actuel;
    private volatile boolean ferme;
    private Cible cible;

    /** The rebuild in progress: its index and the items changed live since it started. */
    private record Cible(IndexLocal index, Set<String> changesEnDirect) {
    }

    /** What a rebuild did. */
    public record Bilan(long documents, long millisecondes) {
    }

    @Inject
    public MoteurRecherche(@Value("${sne.recherche.dossier:}") String dossier, Libelles libelles, Clock clock) {
        this(dossier == null || dossier.isBlank() ? null : Path.of(dossier), Reglages.parDefaut(), libelles, clock);
    }

    /**
     * @param dossier the index's folder, or null for a temporary one deleted at close
     */
    public MoteurRecherche(Path dossier, Reglages reglages, Libelles libelles, Clock clock) {
        this.clock = clock;
        this.chercheur = new Chercheur(schema, reglages, libelles, clock);
        try {
            this.temporaire = dossier == null;
            this.racine = temporaire ? Files.createTempDirectory("sne-recherche") : Files.createDirectories(dossier);
            this.actuel = IndexLocal.ouvrir(dossierActuel(), schema);
            nettoyer();
        } catch (IOException e) {
            throw new UncheckedIOException("Index de recherche impossible à ouvrir sous " + dossier, e);
        }
        if (temporaire) {
            LOG.info("Index de recherche dans le dossier temporaire {} (sne.recherche.dossier non renseigné) : reconstruit au démarrage", racine);
        }
        this.commits = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sne-recherche-commit");
            t.setDaemon(true);
            return t;
        });
        commits.scheduleWithFixedDelay(this::commit, COMMIT_S, COMMIT_S, TimeUnit.SECONDS);
    }

    @Override
    public void indexer(DocumentIndexe document) {
        var doc = schema.document(document);
        synchronized (ecriture) {
            try {
                IndexLocal index = actuel;
                index.genere(index.writer().updateDocument(Schema.cle(document.id()), doc));
                if (cible != null) {
                    cible.index().genere(cible.index().writer().updateDocument(Schema.cle(document.id()), doc));
                    cible.changesEnDirect().add(document.id());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void supprimer(String id) {
        synchronized (ecriture) {
            try {
                IndexLocal index = actuel;
                index.genere(index.writer().deleteDocuments(Schema.cle(id)));
                if (cible != null) {
                    cible.index().genere(cible.index().writer().deleteDocuments(Schema.cle(id)));
                    cible.changesEnDirect().add(id);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Blocks until every change made so far is searchable (tests, and callers that must read
     * their own write); changes otherwise become searchable within a second.
     */
    public void attendreVisibilite() {
        try {
            actuel.attendre();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One page of results for a user of this visibility. */
    public Resultats rechercher(Recherche recherche, Visibilite visibilite) {
        return lire(lecteur -> chercheur.chercher(lecteur, recherche, visibilite));
    }

    /**
     * The ids of one page of results and nothing else (no count, facets, snippets nor suggestion),
     * for features that only need what matches; the same query and visibility as {@link #rechercher}.
     */
    public List<String> identifiants(Recherche recherche, Visibilite visibilite) {
        return lire(lecteur -> chercheur.identifiants(lecteur, recherche, visibilite));
    }

    private interface Lecture<T> {
        T lire(IndexLocal.Lecteur lecteur) throws IOException;
    }

    private <T> T lire(Lecture<T> lecture) {
        for (int essai = 0; ; essai++) {
            IndexLocal index = actuel;
            try {
                IndexLocal.Lecteur lecteur = (IndexLocal.Lecteur) index.searchers().acquire();
                try {
                    return lecture.lire(lecteur);
                } finally {
                    index.searchers().release(lecteur);
                }
            } catch (AlreadyClosedException e) {
                // the index was swapped for a rebuilt one between reading it and searching it
                if (essai > 2) {
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How many items the current index holds (every visibility). */
    public int taille() {
        IndexLocal index = actuel;
        try {
            var s = index.searchers().acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                index.searchers().release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the current index was last rebuilt as a whole (ISO instant), or null if never. */
    public String reconstruitLe() {
        return actuel.reconstruitLe();
    }

    /**
     * Rebuilds the whole index from {@code sources} into a new folder while the current index
     * keeps answering, then swaps them. On failure the current index stays, untouched.
     */
    public Bilan reconstruire(Collection<? extends SourceIndexation> sources) {
        synchronized (reconstruction) {
            long debut = System.nanoTime();
            Path dossier = racine.resolve(PREFIXE + System.currentTimeMillis() + "-" + System.nanoTime() % 1_000_000);
            IndexLocal nouvel;
            try {
                nouvel = IndexLocal.ouvrir(dossier, schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Cible enCours = new Cible(nouvel, ConcurrentHashMap.newKeySet());
            synchronized (ecriture) {
                cible = enCours;
            }
            long[] documents = {0};
            try {
                for (SourceIndexation source : sources) {
                    source.parcourir(d -> {
                        if (ferme) {
                            throw new IllegalStateException("Reconstruction interrompue : arrêt du moteur de recherche");
                        }
                        var doc = schema.document(d);
                        synchronized (ecriture) {
                            // a live change is at least as recent as what the source read
                            if (!enCours.changesEnDirect().contains(d.id())) {
                                try {
                                    nouvel.genere(nouvel.writer().updateDocument(Schema.cle(d.id()), doc));
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                        }
                        documents[0]++;
                    });
                }
                nouvel.marquerReconstruit(clock.instant().toString());
                nouvel.searchers().maybeRefreshBlocking();
                IndexLocal ancien;
                synchronized (ecriture) {
                    // live changes written to the new index after the refresh are made visible too
                    nouvel.searchers().maybeRefreshBlocking();
                    ecrirePointeur(dossier);
                    ancien = actuel;
                    actuel = nouvel;
                    cible = null;
                }
                fermer(ancien);
                // searches still reading the old index finish first (they hold its open files)
                try {
                    commits.schedule(() -> supprimerDossier(ancien.dossier()), 30, TimeUnit.SECONDS);
                } catch (RejectedExecutionException e) {
                    // closing: the next start removes it
                }
            } catch (RuntimeException | IOException e) {
                synchronized (ecriture) {
                    cible = null;
                }
                fermer(nouvel);
                supprimerDossier(dossier);
                if (e instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                throw (RuntimeException) e;
            }
            return new Bilan(documents[0], (System.nanoTime() - debut) / 1_000_000);
        }
    }

    /** Commits pending changes (every few seconds in the background, and at close). */
    void commit() {
        try {
            IndexLocal index = actuel;
            index.commitSiModifie();
        } catch (AlreadyClosedException e) {
            // swapped meanwhile: the new index commits on its own
        } catch (IOException | RuntimeException e) {
            LOG.warn("Enregistrement de l’index de recherche en échec : {}", e.toString());
        }
    }

    @PreDestroy
    @Override
    public void close() {
        ferme = true;
        commits.shutdownNow();
        synchronized (reconstruction) {
            fermer(actuel);
        }
        if (temporaire) {
            supprimerDossier(racine);
        }
    }

    private Path dossierActuel() throws IOException {
        Path pointeur = racine.resolve(POINTEUR);
        if (Files.exists(pointeur)) {
            String nom = Files.readString(pointeur, StandardCharsets.UTF_8).strip();
            if (nom.startsWith(PREFIXE) && Files.isDirectory(racine.resolve(nom))) {
                return racine.resolve(nom);
            }
        }
        Path dossier = racine.resolve(PREFIXE + System.currentTimeMillis());
        Files.createDirectories(dossier);
        ecrirePointeur(dossier);
        return dossier;
    }

    private void ecrirePointeur(Path dossier) throws IOException {
        Path temp = racine.resolve(POINTEUR + ".tmp");
        Files.writeString(temp, dossier.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(temp, racine.resolve(POINTEUR), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Folders of earlier indexes (an interrupted rebuild, a swapped index still open elsewhere). */
    private void nettoyer() throws IOException {
        try (Stream<Path> dossiers = Files.list(racine)) {
            for (Path p : dossiers.filter(p -> p.getFileName().toString().startsWith(PREFIXE) && !p.equals(actuel.dossier())).toList()) {
                supprimerDossier(p);
            }
        }
    }

    private static void fermer(IndexLocal index) {
        try {
            index.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Fermeture de l’index {} : {}", index.dossier(), e.toString());
        }
    }

    private static void supprimerDossier(Path dossier) {
        if (!Files.exists(dossier)) {
            return;
        }
        try (Stream<Path> tout = Files.walk(dossier)) {
            for (Path p : tout.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Dossier {} non supprimé : {}", dossier, e.toString());
        }
    }

    /** For tests: the writer of the current index. */
    IndexWriter writer() {
        return actuel.writer();
    }

    List<String> dimensions() {
        return List.copyOf(Chercheur.dimensions());
    }
}
