package fr.sne.core.demande;

import fr.sne.tenants.identity.Actor;

import java.util.Map;
import java.util.Optional;

/**
 * A feature's panel on an application's page — the professionals' page or the applicant's on
 * the portal — so that lifecycle, events, notices, pending changes… each show themselves
 * without the page knowing them. Called outside any transaction: a panel opens its own scoped
 * (read-only) transaction and audits what it reads.
 */
public interface VoletDemande {

    /** Whose page it is. */
    enum Lecteur { PROFESSIONNEL, DEMANDEUR }

    /**
     * The panel for this reader, or empty when there is nothing to show them.
     *
     * @param demande the application, already read and authorised for {@code actor}
     */
    Optional<Volet> volet(Actor actor, DemandeJson.Demande demande, Lecteur lecteur);

    /** Panels are shown by increasing order (actions first, history last). */
    int ordre();

    /**
     * @param titre   the panel's heading, also listed in the page's table of contents
     * @param ancre   the id of the panel's section (the table of contents links to it)
     * @param gabarit the template holding a fragment {@code volet(m)}, e.g. {@code pro/demande/volets/evenements}
     * @param modele  what the fragment reads as {@code m}
     */
    record Volet(String titre, String ancre, String gabarit, Map<String, Object> modele) {
    }
}
