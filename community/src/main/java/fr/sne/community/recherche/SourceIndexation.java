package fr.sne.community.recherche;

import java.util.function.Consumer;

/** A feature's whole content, read from the database for a full rebuild of the index. */
public interface SourceIndexation {

    /** Hands every item of the feature that should be searchable to {@code sink}. */
    void parcourir(Consumer<DocumentIndexe> sink);
}
