package fr.sne.core.cycle;

import java.util.List;

/**
 * A feature keeping objects in storage for an application's rows (its supporting documents):
 * read in the purge's transaction, before the rows go; the objects are deleted once it commits.
 */
public interface ObjetsDemande {

    /** The object keys held by the application's rows; called inside the purge's scoped transaction. */
    List<String> cles(String territoire, String numero);
}
