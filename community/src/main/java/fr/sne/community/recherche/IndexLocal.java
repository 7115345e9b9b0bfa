package fr.sne.community.recherche;

import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One index directory on local disk: its writer, its near-real-time searchers (reopened within a
 * second of a change, at once when someone waits for a generation) and, per searcher, the facet
 * state of that reader (rebuilt on every reopen).
 */
final class IndexLocal implements Closeable {

    /** Commit data key: when the last full rebuild of this index ended (ISO instant). */
    static final String RECONSTRUIT_LE = "reconstruitLe";

    private static final double ATTENTE_MAX_S = 1.0;
    private static final double ATTENTE_MIN_S = 0.01;

    private final Path dossier;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reouverture;
    private final AtomicLong derniereGeneration = new AtomicLong(-1);

    /** A searcher of one reader, with that reader's facet state (null while no document has facets). */
    static final class Lecteur extends IndexSearcher {
        private final SortedSetDocValuesReaderState facettes;

        Lecteur(IndexReader reader, Schema schema) {
            super(reader);
            SortedSetDocValuesReaderState etat = null;
            try {
                etat = new DefaultSortedSetDocValuesReaderState(reader, schema.facettes());
            } catch (IllegalArgumentException | IOException e) {
                // no facet field yet (empty index)
            }
            this.facettes = etat;
        }

        SortedSetDocValuesReaderState facettes() {
            return facettes;
        }
    }

    private IndexLocal(Path dossier, Schema schema) throws IOException {
        this.dossier = dossier;
        this.directory = FSDirectory.open(dossier);
        IndexWriterConfig config = new IndexWriterConfig(schema.analyseurIndexation())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(32);
        this.writer = new IndexWriter(directory, config);
        Map<String, String> donnees = new HashMap<>();
        if (DirectoryReader.indexExists(directory)) {
            donnees.putAll(SegmentInfos.readLatestCommit(directory).getUserData());
        }
        // later commits keep what the last one recorded
        writer.setLiveCommitData(donnees.entrySet());
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new Lecteur(reader, schema);
            }
        });
        this.reouverture = new ControlledRealTimeReopenThread<>(writer, searchers, ATTENTE_MAX_S, ATTENTE_MIN_S);
        reouverture.setName("sne-recherche-nrt-" + dossier.getFileName());
        reouverture.setDaemon(true);
        reouverture.start();
    }

    static IndexLocal ouvrir(Path dossier, Schema schema) throws IOException {
        return new IndexLocal(dossier, schema);
    }

    Path dossier() {
        return dossier;
    }

    IndexWriter writer() {
        return writer;
    }

    SearcherManager searchers() {
        return searchers;
    }

    /** Records the sequence number of a change, which {@link #attendre()} waits for. */
    void genere(long generation) {
        derniereGeneration.accumulateAndGet(generation, Math::max);
    }

    /** Blocks until every change made so far is visible to searches. */
    void attendre() throws InterruptedException {
        long generation = derniereGeneration.get();
        if (generation >= 0) {
            reouverture.waitForGeneration(generation);
        }
    }

    /** When the last full rebuild of this index ended, or null if it never was (new, empty). */
    String reconstruitLe() {
        Iterable<Map.Entry<String, String>> donnees = writer.getLiveCommitData();
        if (donnees == null) {
            return null;
        }
        for (Map.Entry<String, String> e : donnees) {
            if (RECONSTRUIT_LE.equals(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    void marquerReconstruit(String quand) throws IOException {
        writer.setLiveCommitData(Map.of(RECONSTRUIT_LE, quand).entrySet());
        writer.commit();
    }

    void commitSiModifie() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    @Override
    public void close() throws IOException {
        reouverture.close();
        try {
            searchers.close();
        } finally {
            try {
                writer.close();
            } finally {
                directory.close();
            }
        }
    }
}
