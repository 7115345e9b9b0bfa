package fr.sne.community.recherche;

/**
 * How features keep the engine up to date: call after the change's transaction committed; the
 * item is searchable within a second. Items missed (a crash between commit and call) come back at
 * the next full rebuild, which reads every {@link SourceIndexation}.
 */
public interface Indexation {

    void indexer(DocumentIndexe document);

    void supprimer(String id);
}
